import { describe, expect, it } from 'vitest';
import { defaultConfig, drawSeed, drawsFor } from '../../../scripts/config.ts';
import { meanSilhouette } from '../../../scripts/lib/cluster-metrics.ts';
import { distances } from '../../../scripts/lib/matrix.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { featureRange, type ArcSample } from '../../../scripts/stages/arcs.ts';
import {
  monteCarloP,
  nullModelWidth,
  shuffledOrderDraws,
  summariseNullModel,
  type NullModelInput,
} from '../../../scripts/stages/null-model.ts';
import { Refitter } from '../../../scripts/resampling/refit.ts';
import type { Mood } from '../../../scripts/schemas.ts';

import { filmSamples as film, mood, runsOf } from '../../support/tracks.ts';

/** Fisher–Yates with a seeded generator, for building films (not the code under test's shuffle). */
function permuted<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Eight songs per film. Valence and energy take the same eight values in every arrangement;
 * danceability and tempo vary a little from song to song, so films are not exact copies.
 */
function songsOf(f: number): Mood[] {
  const random = seededRandom(1000 + f);
  return Array.from({ length: 8 }, (_, i) =>
    mood(0.1 + 0.1 * i + 0.02 * random(), 0.2 + 0.09 * i + 0.02 * random(), 0.5 + 0.05 * random(), 110 + 5 * random()),
  );
}

const K_VALUES = [2, 3];
const DRAWS = 99;

function baseInput(samples: ArcSample[][], globalRange: NullModelInput['globalRange'] = null) {
  return {
    samples,
    runs: samples.map(runsOf),
    steps: 10,
    globalRange,
    varianceTarget: 0.8,
    restarts: 5,
    kmeansSeed: 42,
    maxIterations: 100,
  };
}

/**
 * The whole test: real silhouettes through the same refit path as the draws
 * (Refitter.unchanged + cluster), the draws through shuffledOrderDraws, then the summary.
 */
function runNullModel(samples: ArcSample[][], globalRange: NullModelInput['globalRange'] = null) {
  const refit = baseInput(samples, globalRange);
  const refitter = new Refitter(refit);
  const real = refitter.unchanged();
  const realDistances = distances(real);
  const realLabelsByK = K_VALUES.map((k) => refitter.cluster(real, k));
  const realSilhouettes = K_VALUES.map((k, i) => meanSilhouette(realDistances, realLabelsByK[i], k));
  // Published labels 1…k at k = 2.
  const labels = Array.from(realLabelsByK[0], (l) => l + 1);
  const k = 2;
  const input: NullModelInput = { ...refit, kValues: K_VALUES, k, seed: 11 };
  const width = nullModelWidth(input);
  const draws = new Float64Array(DRAWS * width);
  shuffledOrderDraws(input, 0, DRAWS, draws);
  const summary = summariseNullModel({
    kValues: K_VALUES,
    k,
    realSilhouettes,
    draws,
    drawCount: DRAWS,
    wantedDraws: DRAWS,
    significance: 0.05,
  });
  return { summary, labels, realSilhouettes, draws, width };
}

describe('monteCarloP (Phipson & Smyth)', () => {
  it('can fall below the significance level however large the catalogue, where the draws are fewest', () => {
    const fewest = drawsFor(1_000_000, defaultConfig.nullModelDraws, defaultConfig);
    expect(fewest).toBe(defaultConfig.minResamplingDraws);
    // The real value beating every draw gives the smallest p there is.
    expect(monteCarloP(1, new Float64Array(fewest), 'atLeast')).toBeLessThan(defaultConfig.significance);
  });
  it('is (1 + draws at least as high) / (1 + draws), counting ties', () => {
    // 0.9 and 0.5 are ≥ 0.5: (1 + 2) / (1 + 5).
    expect(monteCarloP(0.5, [0.1, 0.9, 0.5, 0.2, 0.3], 'atLeast')).toBe(3 / 6);
    // 0.1, 0.5 (tie), 0.2, 0.3 are ≤ 0.5: (1 + 4) / 6.
    expect(monteCarloP(0.5, [0.1, 0.9, 0.5, 0.2, 0.3], 'atMost')).toBe(5 / 6);
  });
  it('is never 0: a real value beyond every draw gets 1 / (1 + N)', () => {
    expect(monteCarloP(10, [1, 2, 3], 'atLeast')).toBe(1 / 4);
    expect(monteCarloP(-10, [1, 2, 3], 'atMost')).toBe(1 / 4);
    expect(monteCarloP(1, new Float64Array(99), 'atLeast')).toBe(1 / 100);
  });
  it('is 1 when every draw is at least as extreme; with no draws, 1', () => {
    expect(monteCarloP(0, [0, 1, 2], 'atLeast')).toBe(1);
    expect(monteCarloP(0.3, [], 'atLeast')).toBe(1);
  });
  it('counts a draw equal up to float noise as a tie', () => {
    expect(monteCarloP(0.3, [0.1 + 0.2], 'atLeast')).toBe(1);
    expect(monteCarloP(0.1 + 0.2, [0.3], 'atMost')).toBe(1);
  });
});

describe('the shuffled-order null model', () => {
  it('finds order beyond chance when half the films rise and half fall in the same songs', () => {
    // Films 0–5 play their songs low → high, films 6–11 high → low: only the order differs.
    const samples = Array.from({ length: 12 }, (_, f) => {
      const songs = songsOf(f);
      return film(f < 6 ? songs : [...songs].reverse());
    });
    const { summary, labels, realSilhouettes } = runNullModel(samples);
    // The real order splits rising from falling exactly.
    expect(labels.slice(0, 6).every((l) => l === labels[0])).toBe(true);
    expect(labels.slice(6).every((l) => l === labels[6] && l !== labels[0])).toBe(true);
    expect(realSilhouettes[0]).toBeGreaterThan(0.5);
    const atTwo = summary.byK.find((row) => row.k === 2)!;
    expect(atTwo.p).toBeLessThan(0.05);
    // No shuffle of twelve films comes near two clean groups: the smallest p there is.
    expect(atTwo.p).toBe(1 / (1 + DRAWS));
    expect(atTwo.beyondChance).toBe(true);
    expect(atTwo.nullMean).toBeLessThan(atTwo.silhouette);
    expect(atTwo.nullP95).toBeLessThan(atTwo.silhouette);
    expect(summary.verdict.chosenK).toBe(2);
    expect(summary.verdict.chosenP).toBe(atTwo.p);
    expect(summary.verdict.beyondChance).toBe(true);
    expect(summary.verdict.text).toMatch(/more clearly than/);
    expect(summary.draws).toBe(DRAWS);
    expect(summary.reduced).toBe(false);
    // Single songs shuffled, as the withdrawn test did, find the same here: these films have no runs.
    expect(summary.songLevel!.p).toBeLessThan(0.05);
  });

  it('finds nothing when every film plays flat at its own level (shuffling changes no arc): p = 1', () => {
    // Level-preserving scaling: each film's songs are all alike, half the films low, half high.
    // Any shuffle rebuilds exactly the same arcs, so every draw ties with the real silhouette.
    const samples = Array.from({ length: 12 }, (_, f) => {
      const level = f < 6 ? 0.2 + 0.01 * f : 0.8 + 0.01 * f;
      return film(Array.from({ length: 6 }, () => mood(level, level, 0.5, 100 + 10 * level)));
    });
    const range = featureRange(samples.flat());
    const { summary, realSilhouettes } = runNullModel(samples, range);
    expect(realSilhouettes[0]).toBeGreaterThan(0.5);
    for (const row of summary.byK) {
      expect(row.p).toBe(1);
      expect(row.beyondChance).toBe(false);
      expect(row.nullMean).toBeCloseTo(row.silhouette, 12);
    }
    expect(summary.verdict.beyondChance).toBe(false);
    expect(summary.verdict.otherKBeyondChance).toEqual([]);
    expect(summary.verdict.text).toMatch(/no more clearly/);
  });

  it('finds nothing when every film plays its songs in a random order: p is about uniform', () => {
    // The real orders are themselves uniform shuffles, so the real silhouette is exchangeable
    // with the draws and p is uniform on {1/100, …, 1}. One dataset may land anywhere (one
    // gives 0.15), so ten independent datasets are read together: their p's centre near 0.5
    // and at most one is below 0.05 (a biased shuffle or a real value computed differently
    // from the draws would pile them at one end).
    const ps = Array.from({ length: 10 }, (_, dataset) => {
      const samples = Array.from({ length: 12 }, (_, f) => film(permuted(songsOf(100 * dataset + f), 500 + 100 * dataset + f)));
      const { summary } = runNullModel(samples);
      expect(summary.verdict.chosenP).toBe(summary.byK[0].p);
      return summary.byK.map((row) => row.p);
    });
    for (const column of [0, 1]) {
      const values = ps.map((row) => row[column]);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      expect(mean).toBeGreaterThan(0.25);
      expect(mean).toBeLessThan(0.75);
      expect(values.filter((p) => p < 0.05).length).toBeLessThanOrEqual(1);
      for (const p of values) expect(p).toBeGreaterThan(0);
    }
  });

  it('gives the same values for a draw however the draws are split (seeded by index alone)', () => {
    const samples = Array.from({ length: 8 }, (_, f) => film(permuted(songsOf(f), 900 + f)));
    const input: NullModelInput = { ...baseInput(samples), kValues: K_VALUES, k: 2, seed: 11 };
    const width = nullModelWidth(input);
    expect(width).toBe(3);
    const whole = new Float64Array(6 * width);
    shuffledOrderDraws(input, 0, 6, whole);
    const tail = new Float64Array(2 * width);
    shuffledOrderDraws(input, 4, 6, tail);
    expect(Array.from(tail)).toEqual(Array.from(whole.subarray(4 * width)));
    // Different draws differ (each is seeded by its own index).
    expect(drawSeed(11, 0)).not.toBe(drawSeed(11, 1));
    expect(Array.from(whole.subarray(0, width))).not.toEqual(Array.from(whole.subarray(width, 2 * width)));
  });

  it('reads the chosen k’s single-song column for the withdrawn test, beside the run reorderings', () => {
    const draws = new Float64Array([0.2, 0.5, 0.3, 0.45]);
    // kValues [2], k = 2: width 2 (silhouette with runs reordered, then with single songs shuffled); two draws.
    const summary = summariseNullModel({
      kValues: [2],
      k: 2,
      realSilhouettes: [0.4],
      draws,
      drawCount: 2,
      wantedDraws: 4,
      significance: 0.05,
    });
    // Run draws 0.2 and 0.3: neither ≥ 0.4 → 1/3. Song draws 0.5 and 0.45: both ≥ 0.4 → 1.
    expect(summary.byK[0].p).toBe(1 / 3);
    expect(summary.byK[0].nullMean).toBeCloseTo(0.25, 12);
    expect(summary.songLevel!.p).toBe(1);
    expect(summary.shuffle).toBe('blocks');
    expect(summary.reduced).toBe(true);
  });
});
