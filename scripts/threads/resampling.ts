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
import { calibrationRunner, type CalibrationInput } from '../stages/calibration.ts';
import { shuffledOrderRunner, type NullModelInput } from '../stages/null-model.ts';
import { powerRunner, type PowerInput } from '../stages/power.ts';
import { stabilityRunner, type StabilityInput } from '../stages/stability.ts';

/** Computes draws from…to−1 into out (row 0 is draw `from`), keeping its buffers between calls. */
export type DrawRunner = (from: number, to: number, out: Float64Array) => void;

export const RESAMPLING_JOBS = {
  'null-model': shuffledOrderRunner as (input: never) => DrawRunner,
  stability: stabilityRunner as (input: never) => DrawRunner,
  calibration: calibrationRunner as (input: never) => DrawRunner,
  power: powerRunner as (input: never) => DrawRunner,
};
export type ResamplingJob = keyof typeof RESAMPLING_JOBS;
interface JobInputs {
  'null-model': NullModelInput;
  stability: StabilityInput;
  calibration: CalibrationInput;
  power: PowerInput;
}
export type JobInput<J extends ResamplingJob> = JobInputs[J];

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
let workerReady: Promise<boolean> = Promise.resolve(false);

/**
 * Starts the resampling worker now if a run of this size will use it, so that loading
 * its modules overlaps the stages before resampling. Calling it again does nothing.
 */
export function prepareResampling(threads: number, filmDraws: number): void {
  if (worker || workerFailed || !usesWorker(threads, filmDraws)) return;
  try {
    const started = startWorker(import.meta.url, './resampling-worker.ts', null);
    worker = started;
    workerReady = new Promise((resolve) => {
      started.once('message', () => resolve(true));
      started.once('error', () => resolve(false));
    });
    started.on('error', () => {
      workerFailed = true;
      worker = null;
    });
  } catch {
    workerFailed = true;
  }
}

/** Resolves once the worker has loaded and listens for jobs (false if it failed or was never started). */
export function resamplingWorkerReady(): Promise<boolean> {
  return workerReady;
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

/** Where the values start: after the header and the done flags, on an 8-byte boundary. */
function valuesOffset(batches: number): number {
  return Math.ceil((4 * (HEADER_INTS + batches)) / 8) * 8;
}

function views({ shared, total, width, batch }: JobMemory) {
  const batches = Math.ceil(total / batch);
  const header = new Int32Array(shared, 0, HEADER_INTS + batches);
  return { batches, header, done: header.subarray(HEADER_INTS), values: new Float64Array(shared, valuesOffset(batches), total * width) };
}

export function jobMemory(total: number, width: number): JobMemory {
  const batch = Math.max(1, Math.ceil(total / BATCHES_PER_JOB));
  const shared = new SharedArrayBuffer(valuesOffset(Math.ceil(total / batch)) + 8 * total * width);
  return { shared, total, width, batch };
}

const BY_THIS_THREAD = 1;
const BY_WORKER = 2;

/** Claims batches of the job until none are left, computing each into its rows; `by` marks them done. */
export function takeBatches(run: DrawRunner, memory: JobMemory, by = BY_THIS_THREAD): void {
  const { header, done, values } = views(memory);
  const { total, width, batch } = memory;
  for (;;) {
    const from = Atomics.add(header, NEXT_BATCH, 1) * batch;
    if (from >= total) return;
    const to = Math.min(total, from + batch);
    run(from, to, values.subarray(from * width, to * width));
    Atomics.store(done, from / batch, by);
  }
}

/** The worker's side of a job: begin unless this thread already finished without it. */
export function workOn(run: () => DrawRunner, memory: JobMemory): void {
  const { header } = views(memory);
  if (Atomics.compareExchange(header, WORKER_STATE, WorkerState.waiting, WorkerState.running) !== WorkerState.waiting) return;
  try {
    takeBatches(run(), memory, BY_WORKER);
    Atomics.store(header, WORKER_STATE, WorkerState.finished);
  } catch {
    Atomics.store(header, WORKER_STATE, WorkerState.failed);
  }
  Atomics.notify(header, WORKER_STATE);
}

/** How many draws a job makes, how many values each writes, and on how many threads. */
export interface DrawPlan {
  draws: number;
  width: number;
  threads: number;
}

/** A job's draws, in draw order, and how many of them the worker computed. */
export interface JobResult {
  values: Float64Array;
  workerDraws: number;
}

/** A job handed to the worker thread, which works on it until this thread joins it. */
export interface StartedJob {
  /** This thread takes the draws left and waits for the worker's last batch. */
  join(): JobResult;
}

/** A job's draws, shared with the worker thread where that pays, and how many of them the worker computed. */
export function runJob<J extends ResamplingJob>(job: J, input: JobInput<J>, plan: DrawPlan): JobResult {
  return startJob(job, input, plan).join();
}

/**
 * Hands a job to the worker thread now, so that it computes draws while this thread does
 * other work; `join` then shares what is left. Without the worker, `join` computes every
 * draw here. Start a job only when the worker has finished the one before (after its join).
 */
export function startJob<J extends ResamplingJob>(job: J, input: JobInput<J>, { draws: total, width, threads }: DrawPlan): StartedJob {
  const runner = () => (RESAMPLING_JOBS[job] as (input: JobInput<J>) => DrawRunner)(input);
  if (total < 2 || !usesWorker(threads, input.samples.length * total)) {
    return {
      join() {
        const values = new Float64Array(total * width);
        runner()(0, total, values);
        return { values, workerDraws: 0 };
      },
    };
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
  return {
    join() {
      const run = runner();
      takeBatches(run, memory);
      const values = finishJob(run, memory);
      return { values, workerDraws: drawsByWorker(memory) };
    },
  };
}

/** How many of a job's draws the worker computed. */
function drawsByWorker(memory: JobMemory): number {
  const { done } = views(memory);
  let draws = 0;
  done.forEach((by, b) => {
    if (by === BY_WORKER) draws += Math.min(memory.total, (b + 1) * memory.batch) - b * memory.batch;
  });
  return draws;
}

/**
 * This thread's end of a job, once it finds no batch left to claim: waits for the worker
 * if it is mid-batch, tells it not to begin if it has not, and computes any batch the
 * worker claimed and did not finish (it failed), so a run never depends on a thread.
 */
export function finishJob(run: DrawRunner, memory: JobMemory): Float64Array {
  const { batches, header, done, values } = views(memory);
  const { total, width, batch } = memory;
  if (Atomics.compareExchange(header, WORKER_STATE, WorkerState.waiting, WorkerState.notNeeded) !== WorkerState.waiting) {
    while (Atomics.load(header, WORKER_STATE) === WorkerState.running) Atomics.wait(header, WORKER_STATE, WorkerState.running);
  }
  for (let b = 0; b < batches; b++) {
    if (Atomics.load(done, b)) continue;
    const from = b * batch;
    const to = Math.min(total, from + batch);
    run(from, to, values.subarray(from * width, to * width));
    Atomics.store(done, b, BY_THIS_THREAD);
  }
  return values;
}
