/** The resampling stages' worker thread: takes batches of each job it is sent until the job has none left. */
import { parentPort } from 'node:worker_threads';
import { RESAMPLING_JOBS, workOn, type JobMemory, type ResamplingJob } from './resampling.ts';

parentPort!.on('message', ({ job, input, memory }: { job: ResamplingJob; input: never; memory: JobMemory }) => {
  workOn(() => RESAMPLING_JOBS[job](input), memory);
});
// Listening now: jobs posted from here on are taken as they come.
parentPort!.postMessage('ready');
