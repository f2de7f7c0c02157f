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

function drawChart(name: OffloadedChart, args: unknown[]): string {
  return (OFFLOADED_CHARTS[name] as (...a: unknown[]) => string)(...args);
}

/** Renders one request in this thread: what the worker does with each message. */
export function renderRequest({ id, name, args }: ChartRequest): ChartReply {
  try {
    return { id, svg: drawChart(name, args) };
  } catch (error) {
    return { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * One thread. Two were slower at 2,000 films (README, Performance): with Astro's own thread
 * and the cards the site build paints meanwhile, they put three busy threads on two cores.
 */
let worker: Worker | null = null;
const waiting = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();
let nextId = 0;

function chartWorker(path: string): Worker {
  if (worker) return worker;
  const started = new Worker(path);
  started.on('message', (reply: ChartReply) => {
    const request = waiting.get(reply.id);
    waiting.delete(reply.id);
    // The thread holds the process open only while a page waits on it.
    if (!waiting.size) started.unref();
    if ('svg' in reply) request?.resolve(reply.svg);
    else request?.reject(new Error(`a chart failed on its thread: ${reply.error}`));
  });
  started.on('error', (error) => {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
    worker = null;
  });
  worker = started;
  return started;
}

/** A film chart's SVG: from the worker when a build provides one, or rendered here. */
export function renderChart<N extends OffloadedChart>(name: N, ...args: Parameters<Charts[N]>): Promise<string> {
  const path = process.env.CHART_WORKER;
  if (!path) return Promise.resolve(drawChart(name, args));
  const thread = chartWorker(path);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, name, args } satisfies ChartRequest);
  });
}
