/**
 * Runs the resampling stages' draws on both cores. One worker thread serves both stages
 * and is started as soon as the pipeline knows it will resample, so its modules load
 * while the first stages run. This thread and the worker take batches of draws from a
 * shared counter until none are left, so neither waits on the other when one starts
 * late or runs slower. Every draw is seeded by its index alone and written at its own
 * row, so the bytes out do not depend on which thread computed which draw.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MethodConfig } from '../config.ts';
import { startWorker } from '../lib/worker.ts';
import { shuffledOrderRunner, type NullModelInput } from './null-model.ts';
import { stabilityRunner, type StabilityInput } from './stability.ts';

/** Computes draws from…to−1 into out (row 0 is draw `from`), keeping its buffers between calls. */
export type DrawRunner = (from: number, to: number, out: Float64Array) => void;

export const RESAMPLING_JOBS = {
  'null-model': shuffledOrderRunner as (input: never) => DrawRunner,
  stability: stabilityRunner as (input: never) => DrawRunner,
};
export type ResamplingJob = keyof typeof RESAMPLING_JOBS;
export type JobInput<J extends ResamplingJob> = J extends 'null-model' ? NullModelInput : StabilityInput;

/** Below this many film-draws a worker thread costs more to start than it saves. */
export const WORKER_MIN_FILM_DRAWS = 2000;
/** About this many batches per job: small enough to balance, large enough that claiming one costs nothing. */
const BATCHES_PER_JOB = 50;

export function threadsFor(config: Pick<MethodConfig, 'threads'>): number {
  return config.threads === 'auto' ? Math.max(1, Math.min(2, availableParallelism())) : Math.max(1, Math.floor(config.threads));
}

/** Whether a job of `filmDraws` (films × draws) is worth a second thread. */
export function usesWorker(threads: number, filmDraws: number): boolean {
  return threads >= 2 && filmDraws >= WORKER_MIN_FILM_DRAWS;
}

let worker: Worker | null = null;
let workerFailed = false;

/**
 * Starts the resampling worker now if a run of this size will use it, so that loading
 * its modules overlaps the stages before resampling. Calling it again does nothing.
 */
export function prepareResampling(threads: number, filmDraws: number): void {
  if (worker || workerFailed || !usesWorker(threads, filmDraws)) return;
  try {
    worker = startWorker(import.meta.url, './resampling-worker.ts', null);
    worker.on('error', () => {
      workerFailed = true;
      worker = null;
    });
  } catch {
    workerFailed = true;
  }
}

// A job's shared memory: a header, one done flag per batch, then the draws' values.
const NEXT_BATCH = 0;
const WORKER_STATE = 1;
const HEADER_INTS = 2;
export const WorkerState = { waiting: 0, running: 1, finished: 2, failed: 3, notNeeded: 4 } as const;

export interface JobMemory {
  shared: SharedArrayBuffer;
  total: number;
  width: number;
  batch: number;
}

function views({ shared, total, width, batch }: JobMemory) {
  const batches = Math.ceil(total / batch);
  const header = new Int32Array(shared, 0, HEADER_INTS + batches);
  const valuesAt = Math.ceil((4 * (HEADER_INTS + batches)) / 8) * 8;
  return { batches, header, done: header.subarray(HEADER_INTS), values: new Float64Array(shared, valuesAt, total * width) };
}

function jobMemory(total: number, width: number): JobMemory {
  const batch = Math.max(1, Math.ceil(total / BATCHES_PER_JOB));
  const batches = Math.ceil(total / batch);
  const shared = new SharedArrayBuffer(Math.ceil((4 * (HEADER_INTS + batches)) / 8) * 8 + 8 * total * width);
  return { shared, total, width, batch };
}

/** Claims batches of the job until none are left, computing each into its rows. */
export function takeBatches(run: DrawRunner, memory: JobMemory): void {
  const { header, done, values } = views(memory);
  const { total, width, batch } = memory;
  for (;;) {
    const from = Atomics.add(header, NEXT_BATCH, 1) * batch;
    if (from >= total) return;
    const to = Math.min(total, from + batch);
    run(from, to, values.subarray(from * width, to * width));
    Atomics.store(done, from / batch, 1);
  }
}

/** The worker's side of a job: begin unless this thread already finished without it. */
export function workOn(run: () => DrawRunner, memory: JobMemory): void {
  const { header } = views(memory);
  if (Atomics.compareExchange(header, WORKER_STATE, WorkerState.waiting, WorkerState.running) !== WorkerState.waiting) return;
  try {
    takeBatches(run(), memory);
    Atomics.store(header, WORKER_STATE, WorkerState.finished);
  } catch {
    Atomics.store(header, WORKER_STATE, WorkerState.failed);
  }
  Atomics.notify(header, WORKER_STATE);
}

/** Draws 0…total−1 of a job, `width` values each, in draw order. */
export function runDraws<J extends ResamplingJob>(job: J, input: JobInput<J>, total: number, width: number, threads: number): Float64Array {
  const runner = () => (RESAMPLING_JOBS[job] as (input: JobInput<J>) => DrawRunner)(input);
  if (total < 2 || !usesWorker(threads, input.samples.length * total)) {
    const out = new Float64Array(total * width);
    runner()(0, total, out);
    return out;
  }
  prepareResampling(threads, input.samples.length * total);
  const memory = jobMemory(total, width);
  if (worker) {
    try {
      worker.postMessage({ job, input, memory });
    } catch {
      workerFailed = true;
    }
  }
  const run = runner();
  takeBatches(run, memory);
  const { batches, header, done, values } = views(memory);
  // A worker that has not begun by now (still loading, or failed to) is not needed.
  if (Atomics.compareExchange(header, WORKER_STATE, WorkerState.waiting, WorkerState.notNeeded) !== WorkerState.waiting) {
    while (Atomics.load(header, WORKER_STATE) === WorkerState.running) Atomics.wait(header, WORKER_STATE, WorkerState.running);
  }
  // A batch the worker claimed and did not finish (it failed) is computed here, so a run never depends on a thread.
  for (let b = 0; b < batches; b++) {
    if (Atomics.load(done, b)) continue;
    const from = b * memory.batch;
    const to = Math.min(total, from + memory.batch);
    run(from, to, values.subarray(from * width, to * width));
  }
  return values;
}
