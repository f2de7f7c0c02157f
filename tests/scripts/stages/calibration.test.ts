import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import {
  CALIBRATION_TESTS,
  CALIBRATION_WIDTH,
  calibrationRunner,
  summariseCalibration,
  type CalibrationInput,
} from '../../../scripts/stages/calibration.ts';
import { featureScale } from '../../../scripts/stages/order-signal.ts';
import { filmSamples, mood, runsOf } from '../../support/tracks.ts';

/**
 * Twelve films of three artists, each with three songs in a row: AAABBBCCC, a mood per
 * artist, as mood by artist makes them. Order carries nothing in any world built from them.
 */
function catalogue(seed: number) {
  const random = seededRandom(seed);
  const samples = Array.from({ length: 12 }, (_, f) => {
    const artists = [0, 1, 2].map(() => mood(random(), random(), random(), 80 + 80 * random()));
    return filmSamples(
      artists.flatMap((m) => [m, m, m]),
      ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C'].map((a) => `${a}${f}`),
    );
  });
  return { samples, runs: samples.map(runsOf) };
}

function input(worlds: number): { input: CalibrationInput; worlds: number } {
  const { samples, runs } = catalogue(3);
  return {
    worlds,
    input: {
      samples,
      runs,
      imdbIds: samples.map((_, f) => `tt${String(f + 1).padStart(7, '0')}`),
      steps: 10,
      globalRange: null,
      varianceTarget: 0.8,
      restarts: 3,
      kmeansSeed: 42,
      maxIterations: 100,
      k: 3,
      significance: 0.05,
      draws: 39,
      zScale: featureScale(samples.flat().map((s) => s.mood)),
      orderShuffles: 199,
      trendShuffles: 199,
      shapeShuffles: 49,
      shapeMinCorrelation: 0.7,
      withdrawnDraws: 39,
      withClustering: true,
      seed: 23,
    },
  };
}

describe('calibration on small simulated catalogues', () => {
  const { input: settings, worlds } = input(60);
  const rows = new Float64Array(worlds * CALIBRATION_WIDTH);
  calibrationRunner(settings)(0, worlds, rows);
  const summary = summariseCalibration(rows, worlds, {
    significance: 0.05,
    withdrawn: ['order-within-films-songs', 'order-pooled-songs', 'archetype-spread'],
  });
  const rate = (id: string) => summary.tests.find((t) => t.id === id)!.rejectionRate;

  it('runs every test in every world', () => {
    expect(summary.tests.map((t) => t.id)).toEqual(CALIBRATION_TESTS.map((t) => t.id));
    expect(summary.tests.find((t) => t.id === 'clustering')!.tests).toBe(worlds);
    expect(summary.tests.find((t) => t.id === 'order-within-films')!.tests).toBe(worlds * 12);
  });

  it('finds the published tests rejecting about 5% of the time or less where order carries nothing', () => {
    for (const id of ['clustering', 'order-within-films', 'order-pooled', 'trend', 'shape']) expect(rate(id), id).toBeLessThanOrEqual(0.1);
  });

  it('finds single-song shuffles, which break artist runs up, rejecting far more often', () => {
    // Every film is three runs of identical songs: shuffled song by song, its order always looks smooth.
    expect(rate('order-within-films-songs')).toBeGreaterThan(0.5);
    expect(rate('order-pooled-songs')).toBeGreaterThan(0.5);
  });

  it('is the same whichever worlds a batch holds (seeded by world)', () => {
    const tail = new Float64Array(2 * CALIBRATION_WIDTH);
    calibrationRunner(settings)(5, 7, tail);
    expect(Array.from(tail)).toEqual(Array.from(rows.subarray(5 * CALIBRATION_WIDTH, 7 * CALIBRATION_WIDTH)));
  });
});

describe('the withdrawn per-archetype spread test', () => {
  it('calls groups chosen on the same order tighter than chance far more than 5% of the time', () => {
    // Films of random songs by distinct artists: nothing but the clustering's own choice makes a group tight.
    const random = seededRandom(8);
    const samples = Array.from({ length: 15 }, () =>
      filmSamples(Array.from({ length: 8 }, () => mood(random(), random(), random(), 80 + 80 * random()))),
    );
    const { input: base } = input(0);
    const settings = {
      ...base,
      samples,
      runs: samples.map(runsOf),
      imdbIds: samples.map((_, f) => `tt${String(f + 1).padStart(7, '0')}`),
      zScale: featureScale(samples.flat().map((s) => s.mood)),
    };
    const worlds = 30;
    const rows = new Float64Array(worlds * CALIBRATION_WIDTH);
    calibrationRunner(settings)(0, worlds, rows);
    const spread = summariseCalibration(rows, worlds, { significance: 0.05, withdrawn: ['archetype-spread'] }).tests.find(
      (t) => t.id === 'archetype-spread',
    )!;
    expect(spread.withdrawn).toBe(true);
    expect(spread.rejectionRate).toBeGreaterThan(0.15);
  });
});

describe('summariseCalibration', () => {
  it('pools rejections over tests and worlds; the error is the spread of the per-world rates over √worlds', () => {
    // Two worlds. Order within films: 1 of 4 films, then 3 of 4; clustering: 0 of 1, then 1 of 1.
    const rows = new Float64Array(2 * CALIBRATION_WIDTH);
    const set = (w: number, id: string, rejected: number, tested: number) => {
      const t = CALIBRATION_TESTS.findIndex((x) => x.id === id);
      rows[w * CALIBRATION_WIDTH + 2 * t] = rejected;
      rows[w * CALIBRATION_WIDTH + 2 * t + 1] = tested;
    };
    set(0, 'order-within-films', 1, 4);
    set(1, 'order-within-films', 3, 4);
    set(0, 'clustering', 0, 1);
    set(1, 'clustering', 1, 1);
    const summary = summariseCalibration(rows, 2, { significance: 0.05, withdrawn: [] });
    const order = summary.tests.find((t) => t.id === 'order-within-films')!;
    expect(order.rejectionRate).toBe(0.5);
    // Per-world rates 0.25 and 0.75: sample sd 0.3536, over √2 = 0.25.
    expect(order.error).toBeCloseTo(0.25, 12);
    expect(summary.tests.find((t) => t.id === 'clustering')!.rejectionRate).toBe(0.5);
    // Tests never run (no tests made) are left out.
    expect(summary.tests.map((t) => t.id).sort()).toEqual(['clustering', 'order-within-films']);
  });
});
