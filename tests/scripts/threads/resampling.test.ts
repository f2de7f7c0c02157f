/**
 * The resampling stages' two threads: whichever thread computes a draw, and whether the
 * worker helps, fails or never starts, the draws come out the same, in draw order.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import type { ArcSample } from '../../../scripts/stages/arcs.ts';
import {
  finishJob,
  jobMemory,
  prepareResampling,
  resamplingWorkerReady,
  runJob,
  startJob,
  takeBatches,
  usesWorker,
  workOn,
  type DrawRunner,
} from '../../../scripts/threads/resampling.ts';
import { stabilityRunner, type StabilityInput } from '../../../scripts/stages/stability.ts';

// Twenty films of ten songs each, seeded noise around a rising or a falling line.
const samples: ArcSample[][] = Array.from({ length: 20 }, (_, f) => {
  const random = seededRandom(900 + f);
  return Array.from({ length: 10 }, (_, i) => {
    const x = f % 2 ? i / 9 : 1 - i / 9;
    return {
      t: i / 9,
      mood: { valence: x + 0.2 * random(), energy: 0.5 + 0.3 * random(), danceability: random(), tempo: 90 + 60 * random() },
      artists: `Artist ${i}`,
    };
  });
});
const input: StabilityInput = {
  samples,
  runs: samples.map((s) => s.map(() => 1)),
  steps: 10,
  globalRange: null,
  varianceTarget: 0.8,
  restarts: 3,
  kmeansSeed: 42,
  maxIterations: 100,
  k: 2,
  seed: 7,
};
const total = 300;
const width = samples.length;

function alone(): Float64Array {
  const out = new Float64Array(total * width);
  stabilityRunner(input)(0, total, out);
  return out;
}

describe('runJob', () => {
  it('gives on two threads, the worker taking batches, exactly what one thread gives', async () => {
    expect(usesWorker(2, samples.length * total)).toBe(true);
    prepareResampling(2, samples.length * total);
    expect(await resamplingWorkerReady()).toBe(true);
    // Twice: the worker serves one job after another.
    for (const job of [1, 2]) {
      const { values, workerDraws } = runJob('stability', input, { draws: total, width, threads: 2 });
      expect(workerDraws, `job ${job}`).toBeGreaterThan(0);
      expect(workerDraws).toBeLessThan(total);
      expect(Array.from(values)).toEqual(Array.from(alone()));
    }
  });

  it('lets the worker begin a started job while this thread does other work, and joins it in draw order', async () => {
    prepareResampling(2, samples.length * total);
    expect(await resamplingWorkerReady()).toBe(true);
    const job = startJob('stability', input, { draws: total, width, threads: 2 });
    // Other work on this thread meanwhile: the same draws, computed alone.
    const expected = Array.from(alone());
    const { values, workerDraws } = job.join();
    expect(workerDraws).toBeGreaterThan(0);
    expect(Array.from(values)).toEqual(expected);
  });

  it('computes every draw at the join when no worker is used', () => {
    const job = startJob('stability', input, { draws: total, width, threads: 1 });
    const { values, workerDraws } = job.join();
    expect(workerDraws).toBe(0);
    expect(Array.from(values)).toEqual(Array.from(alone()));
  });

  it('loses nothing when the worker fails mid-job: the batches it claimed are computed again', () => {
    const memory = jobMemory(total, width);
    let batches = 0;
    // A "worker" that finishes one batch, claims a second and dies in it.
    const failing = (): DrawRunner => {
      const run = stabilityRunner(input);
      return (from, to, out) => {
        if (++batches === 2) throw new Error('worker died');
        run(from, to, out);
      };
    };
    workOn(failing, memory);
    expect(batches).toBe(2);
    const run = stabilityRunner(input);
    takeBatches(run, memory);
    expect(Array.from(finishJob(run, memory))).toEqual(Array.from(alone()));
  });

  it('does not wait for a worker that never began: it is told it is not needed', () => {
    const memory = jobMemory(total, width);
    const run = stabilityRunner(input);
    takeBatches(run, memory);
    const values = finishJob(run, memory);
    let began = false;
    // The job's message arrives late: the worker must not compute anything.
    workOn(() => {
      began = true;
      return run;
    }, memory);
    expect(began).toBe(false);
    expect(Array.from(values)).toEqual(Array.from(alone()));
  });
});
