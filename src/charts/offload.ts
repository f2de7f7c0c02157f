/**
 * The charts every film page draws, rendered on a second thread during a site build.
 * Astro renders pages on one JavaScript thread, and at 2,000 films these charts were half
 * its time. When CHART_WORKER names the bundled worker (scripts/site/build.ts sets it) and
 * Astro renders a few pages at once (astro.config.mjs), a page waiting for its charts lets
 * Astro go on with the next, and the charts take the machine's other core. Without it
 * (npm run dev, tests) they render in place: the same functions, the same SVG.
 */
import { Worker } from 'node:worker_threads';
import { filmArcChart } from './arcs.ts';
import { trackSequenceChart } from './tracks.ts';

export const OFFLOADED_CHARTS = { filmArcChart, trackSequenceChart } as const;
type Charts = typeof OFFLOADED_CHARTS;
export type OffloadedChart = keyof Charts;

export interface ChartRequest {
  id: number;
  name: OffloadedChart;
  args: unknown[];
}
export type ChartReply = { id: number; svg: string } | { id: number; error: string };

/** Renders one request in this thread: what the worker does with each message. */
export function renderRequest({ id, name, args }: ChartRequest): ChartReply {
  try {
    return { id, svg: (OFFLOADED_CHARTS[name] as (...a: unknown[]) => string)(...args) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * Two threads: Astro's own thread spends about as long on the rest of each page as one
 * thread would on the charts, and the site build paints the cards meanwhile; two let the
 * operating system share all of it over both cores.
 */
const THREADS = 1;

interface ChartThread {
  worker: Worker;
  waiting: Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>;
}
const threads: ChartThread[] = [];
let nextId = 0;

function startThread(path: string): ChartThread {
  const thread: ChartThread = { worker: new Worker(path), waiting: new Map() };
  thread.worker.on('message', (reply: ChartReply) => {
    const request = thread.waiting.get(reply.id);
    thread.waiting.delete(reply.id);
    // A thread holds the process open only while a page waits on it.
    if (!thread.waiting.size) thread.worker.unref();
    if ('svg' in reply) request?.resolve(reply.svg);
    else request?.reject(new Error(`a chart failed on its thread: ${reply.error}`));
  });
  thread.worker.on('error', (error) => {
    for (const request of thread.waiting.values()) request.reject(error);
    threads.splice(threads.indexOf(thread), 1);
  });
  return thread;
}

/** The thread with the least to do, started on first use. */
function chartThread(path: string): ChartThread {
  while (threads.length < THREADS) threads.push(startThread(path));
  return threads.reduce((best, t) => (t.waiting.size < best.waiting.size ? t : best));
}

/** A film chart's SVG: from the worker when a build provides one, or rendered here. */
export function renderChart<N extends OffloadedChart>(name: N, ...args: Parameters<Charts[N]>): Promise<string> {
  const path = process.env.CHART_WORKER;
  if (!path) return Promise.resolve((OFFLOADED_CHARTS[name] as (...a: unknown[]) => string)(...args));
  const thread = chartThread(path);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    thread.waiting.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ id, name, args } satisfies ChartRequest);
  });
}
