/** Worker thread for the resampling stages: computes its share of a job's draws into shared memory. */
import { workerData } from 'node:worker_threads';
import { RESAMPLING_JOBS, type ResamplingJob } from './resampling.ts';

const { job, input, from, to, width, shared } = workerData as { job: ResamplingJob; input: never; from: number; to: number; width: number; shared: SharedArrayBuffer };
const status = new Int32Array(shared, 0, 2);
Atomics.store(status, 1, 1);
Atomics.notify(status, 1);
try {
  RESAMPLING_JOBS[job](input, from, to, new Float64Array(shared, 8, (to - from) * width));
  Atomics.store(status, 0, 1);
} catch {
  Atomics.store(status, 0, 2);
}
Atomics.notify(status, 0);
