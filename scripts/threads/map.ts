/**
 * The map stage on a worker thread: t-SNE at 2,000 films takes seconds, so it runs beside
 * the resampling stages and is joined when the story is put together. Below
 * MAP_WORKER_MIN_FILMS, or where a worker cannot start, it runs on this thread.
 */
import type { Worker } from 'node:worker_threads';
import type { MethodConfig } from '../config.ts';
import { startWorker } from '../lib/worker.ts';
import type { MapResult } from '../schemas.ts';
import { finishMap, MAP_WORKER_MIN_FILMS, planMap, tsneCoordinates } from '../stages/map.ts';

const WORKER_START_TIMEOUT_MS = 10_000;

export interface MapJob {
  /** The map, waiting for the worker thread if one is running. */
  join(): MapResult;
}

export function startMap(imdbIds: string[], scores: number[][], pca2d: number[][], config: MethodConfig): MapJob {
  const n = imdbIds.length;
  const plan = planMap(n, config);
  const onThisThread = () => finishMap(imdbIds, tsneCoordinates(scores, plan), pca2d, plan);
  if (n < MAP_WORKER_MIN_FILMS || plan.method === 'none') return { join: onThisThread };
  // [0] status (0 running, 1 done, 2 failed), [1] started; then 2n coordinates.
  const shared = new SharedArrayBuffer(8 + 16 * n);
  const status = new Int32Array(shared, 0, 2);
  let worker: Worker;
  try {
    worker = startWorker(import.meta.url, './map-worker.ts', { scores, plan, shared });
  } catch {
    return { join: onThisThread };
  }
  return {
    join() {
      const started = Date.now();
      while (Atomics.load(status, 1) === 0 && Date.now() - started < WORKER_START_TIMEOUT_MS) Atomics.wait(status, 1, 0, 50);
      if (Atomics.load(status, 1) === 0) {
        void worker.terminate();
        return onThisThread();
      }
      while (Atomics.load(status, 0) === 0) Atomics.wait(status, 0, 0);
      if (Atomics.load(status, 0) !== 1) return onThisThread();
      const flat = new Float64Array(shared, 8, 2 * n);
      return finishMap(
        imdbIds,
        Array.from({ length: n }, (_, i) => [flat[2 * i], flat[2 * i + 1]]),
        pca2d,
        plan,
      );
    },
  };
}
