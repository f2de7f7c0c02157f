/**
 * Runs the resampling stages' draws on both cores: this thread computes the first half
 * while a worker thread computes the second, writing into shared memory. Every draw is
 * seeded by its index alone, so the bytes out do not depend on the split.
 */
import { availableParallelism } from 'node:os';
import type { MethodConfig } from '../config.ts';
import { startWorker } from '../lib/worker.ts';
import { shuffledOrderDraws, type NullModelInput } from './null-model.ts';
import { stabilityResamples, type StabilityInput } from './stability.ts';

export const RESAMPLING_JOBS = {
  'null-model': shuffledOrderDraws as (input: never, from: number, to: number, out: Float64Array) => void,
  stability: stabilityResamples as (input: never, from: number, to: number, out: Float64Array) => void,
};
export type ResamplingJob = keyof typeof RESAMPLING_JOBS;
export type JobInput<J extends ResamplingJob> = J extends 'null-model' ? NullModelInput : StabilityInput;

/** Below this many film-draws a worker thread costs more to start than it saves. */
export const WORKER_MIN_FILM_DRAWS = 2000;
const WORKER_START_TIMEOUT_MS = 10_000;

export function threadsFor(config: Pick<MethodConfig, 'threads'>): number {
  return config.threads === 'auto' ? Math.max(1, Math.min(2, availableParallelism())) : Math.max(1, Math.floor(config.threads));
}

/** Draws 0…total−1 of a job, `width` values each, in draw order. */
export function runDraws<J extends ResamplingJob>(job: J, input: JobInput<J>, total: number, width: number, threads: number): Float64Array {
  const compute = RESAMPLING_JOBS[job] as (input: JobInput<J>, from: number, to: number, out: Float64Array) => void;
  const out = new Float64Array(total * width);
  const films = input.samples.length;
  if (threads < 2 || total < 2 || films * total < WORKER_MIN_FILM_DRAWS) {
    compute(input, 0, total, out);
    return out;
  }
  const split = Math.floor(total / 2);
  // [0] status (0 running, 1 done, 2 failed), [1] started; then the second half's values.
  const shared = new SharedArrayBuffer(8 + 8 * (total - split) * width);
  const status = new Int32Array(shared, 0, 2);
  let workerStarted = true;
  try {
    startWorker(import.meta.url, './resampling-worker.ts', { job, input, from: split, to: total, width, shared });
  } catch {
    workerStarted = false;
  }
  compute(input, 0, workerStarted ? split : total, out);
  if (!workerStarted) return out;
  // A worker that never started (its module failed to load) must not hang the run.
  const waitingSince = Date.now();
  while (Atomics.load(status, 1) === 0 && Date.now() - waitingSince < WORKER_START_TIMEOUT_MS) Atomics.wait(status, 1, 0, 50);
  while (Atomics.load(status, 1) === 1 && Atomics.load(status, 0) === 0) Atomics.wait(status, 0, 0);
  if (Atomics.load(status, 0) !== 1) {
    // The worker failed: compute its half here, so a run never depends on a thread.
    compute(input, split, total, out.subarray(split * width));
    return out;
  }
  out.set(new Float64Array(shared, 8, (total - split) * width), split * width);
  return out;
}
