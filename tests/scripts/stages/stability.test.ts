import { describe, expect, it } from 'vitest';
import { jaccard } from '../../../scripts/lib/cluster-metrics.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { Refitter } from '../../../scripts/resampling/refit.ts';
import {
  CO_ASSIGNMENT_MAX_FILMS,
  companions,
  stabilityBaseline,
  stabilityReading,
  stabilityResamples,
  summariseStability,
  type StabilityInput,
} from '../../../scripts/stages/stability.ts';

import { filmSamples as film, mood, refitInput } from '../../support/tracks.ts';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `tt${String(i + 1).padStart(7, '0')}`);
const thresholds = { stable: 0.75, dissolved: 0.5 };
/** The baseline's draws and seed, for every summary here. */
const baseline = { baselineDraws: 50, seed: 1 };

describe('jaccard', () => {
  it('is shared over either', () => {
    expect(jaccard([1, 2, 3], [2, 3, 4])).toBe(2 / 4);
    expect(jaccard(['a'], ['a'])).toBe(1);
    expect(jaccard([1, 2], [3])).toBe(0);
    expect(jaccard([1, 2, 3, 4], [4])).toBe(1 / 4);
  });
  it('is 0 for two empty sets and ignores order', () => {
    expect(jaccard([], [])).toBe(0);
    expect(jaccard([3, 1, 2], [2, 3, 1])).toBe(1);
  });
});

describe('summariseStability on resamples written by hand', () => {
  // Four films, archetypes {0, 1} and {2, 3}; three resamples.
  //   [0, 0, 1, 1]  the same split;
  //   [1, 1, 0, 0]  the same split with the numbers swapped (Jaccard does not care);
  //   [0, 1, 1, 1]  film 1 goes over: {0} and {1, 2, 3}.
  // Archetype 1: best Jaccard 1, 1, max(1/2, 1/4) = 1/2 → 2.5 / 3; dissolved (≤ 0.5) once in three.
  // Archetype 2: 1, 1, 2/3 → 8/9; never dissolved.
  const resamples = new Float64Array([0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  const summary = summariseStability({
    imdbIds: ids(4),
    labels: [1, 1, 2, 2],
    k: 2,
    resamples,
    resampleCount: 3,
    wantedResamples: 3,
    thresholds,
    ...baseline,
  });

  it('takes the mean best Jaccard match per archetype, Hennig-style', () => {
    expect(summary.archetypes[0].jaccard).toBeCloseTo(2.5 / 3, 12);
    expect(summary.archetypes[1].jaccard).toBeCloseTo(8 / 9, 12);
    expect(summary.archetypes[0].dissolved).toBeCloseTo(1 / 3, 12);
    expect(summary.archetypes[1].dissolved).toBe(0);
    // Two pairs of four films: a random relabelling of the same resamples does as well, one time in twenty.
    for (const a of summary.archetypes) expect(a.jaccard).toBeLessThanOrEqual(a.baseline.p95 + 1e-12);
    expect(summary.archetypes.map((a) => a.reading)).toEqual(['dissolved', 'dissolved']);
    expect(summary.archetypes.map((a) => a.size)).toEqual([2, 2]);
    expect(summary.resamples).toBe(3);
    expect(summary.reduced).toBe(false);
  });
  it('counts how often each pair shares a cluster', () => {
    // Films 0 and 1 together in two of three; 2 and 3 in all three; 1 and 2 in one.
    expect(summary.films.map((f) => f.coAssignment)).toEqual([2 / 3, 2 / 3, 1, 1]);
    expect(summary.coAssignment![0][1]).toBeCloseTo(2 / 3, 12);
    expect(summary.coAssignment![1][2]).toBeCloseTo(1 / 3, 12);
    expect(summary.coAssignment![0][3]).toBe(0);
    for (let i = 0; i < 4; i++) expect(summary.coAssignment![i][i]).toBe(1);
    expect(summary.coAssignmentFilms).toEqual(ids(4));
  });
  it('reads an archetype that breaks up as fragile or dissolved', () => {
    // Archetype {0, 1, 2, 3} against resamples that split it in halves: Jaccard 2/4 each time → dissolved.
    const halves = new Float64Array([0, 0, 1, 1, 0, 1, 0, 1]);
    const split = summariseStability({
      imdbIds: ids(4),
      labels: [1, 1, 1, 1],
      k: 1,
      resamples: halves,
      resampleCount: 2,
      wantedResamples: 4,
      thresholds,
      ...baseline,
    });
    expect(split.archetypes[0].jaccard).toBe(0.5);
    expect(split.archetypes[0].reading).toBe('dissolved');
    expect(split.archetypes[0].dissolved).toBe(1);
    expect(split.reduced).toBe(true);
    // {0, 1, 2} against {0, 1} | {2, 3}: best 2/3, which every relabelling of two pairs also gives.
    const same = summariseStability({
      imdbIds: ids(4),
      labels: [1, 1, 1, 2],
      k: 2,
      resamples: new Float64Array([0, 0, 1, 1]),
      resampleCount: 1,
      wantedResamples: 1,
      thresholds,
      ...baseline,
    });
    expect(same.archetypes[0].jaccard).toBeCloseTo(2 / 3, 12);
    expect(same.archetypes[0].baseline.mean).toBeCloseTo(2 / 3, 12);
    expect(same.archetypes[0].reading).toBe('dissolved');
  });
  it('gives a film alone in its archetype no co-assignment', () => {
    const lone = summariseStability({
      imdbIds: ids(3),
      labels: [1, 1, 2],
      k: 2,
      resamples: new Float64Array([0, 0, 1, 0, 0, 1]),
      resampleCount: 2,
      wantedResamples: 2,
      thresholds,
      ...baseline,
    });
    expect(lone.films[2].coAssignment).toBeNull();
    expect(lone.films[0].coAssignment).toBe(1);
    expect(lone.archetypes[1].jaccard).toBe(1);
    // One film is a single film, never fragile or stable.
    expect(lone.archetypes[1].reading).toBe('single');
  });
  it('leaves the co-assignment matrix out above the size limit', () => {
    const n = CO_ASSIGNMENT_MAX_FILMS + 1;
    const big = summariseStability({
      imdbIds: ids(n),
      labels: Array(n).fill(1),
      k: 1,
      resamples: new Float64Array(n),
      resampleCount: 1,
      wantedResamples: 1,
      thresholds,
      ...baseline,
    });
    expect(big.coAssignment).toBeNull();
    expect(big.coAssignmentFilms).toEqual([]);
    expect(big.archetypes[0].jaccard).toBe(1);
  });
  it('gives each film the same co-assignment above the size limit, where only pairs within an archetype are counted', () => {
    const n = CO_ASSIGNMENT_MAX_FILMS + 1;
    const labels = Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const count = 4;
    const resamples = Float64Array.from({ length: count * n }, (_, x) => (x * 7 + Math.floor(x / n)) % 4);
    const big = summariseStability({
      imdbIds: ids(n),
      labels,
      k: 3,
      resamples,
      resampleCount: count,
      wantedResamples: count,
      thresholds,
      ...baseline,
    });
    big.films.forEach((film, i) => {
      const others = labels.flatMap((l, j) => (l === labels[i] && j !== i ? [j] : []));
      const together = (j: number) =>
        Array.from({ length: count }, (_, b) => resamples[b * n + i] === resamples[b * n + j]).filter(Boolean).length / count;
      expect(film.coAssignment).toBeCloseTo(others.reduce((s, j) => s + together(j), 0) / others.length, 12);
    });
  });
});

describe('the baseline: stability a random relabelling with the same group sizes gives', () => {
  it('is worked by hand for a pair among four films split into two pairs', () => {
    // Every relabelling of [0, 0, 1, 1] is one of six orders: a pair is matched whole by 2 of them (Jaccard 1),
    // else it meets each new pair in one film (Jaccard 1/3). Mean over many draws: 2/6 + 4/6 · 1/3 = 5/9.
    const [pair] = stabilityBaseline([[0, 1]], { resamples: new Float64Array([0, 0, 1, 1]), count: 1, n: 4 }, { draws: 3000, seed: 9 });
    expect(pair.mean).toBeCloseTo(5 / 9, 1);
    expect(pair.p95).toBe(1);
  });
  it('is high for a group whose size almost covers the films, low for a small group among many', () => {
    const n = 30;
    const resamples = Float64Array.from({ length: 2 * n }, (_, i) => Math.floor((i % n) / 5));
    const [small, big] = stabilityBaseline(
      [[0, 1], Array.from({ length: 28 }, (_, i) => i)],
      { resamples, count: 2, n },
      { draws: 200, seed: 3 },
    );
    expect(small.mean).toBeLessThan(0.3);
    expect(big.mean).toBeLessThan(0.3);
    expect(small.p95).toBeGreaterThanOrEqual(small.mean);
  });
  it('reads stability only against it: dissolved at or below its 95th percentile or 0.5, stable from 0.75, one film single', () => {
    expect(stabilityReading(0.62, 2, { p95: 0.36 }, thresholds)).toBe('fragile');
    expect(stabilityReading(0.62, 2, { p95: 0.7 }, thresholds)).toBe('dissolved');
    expect(stabilityReading(0.45, 5, { p95: 0.3 }, thresholds)).toBe('dissolved');
    expect(stabilityReading(0.8, 5, { p95: 0.3 }, thresholds)).toBe('stable');
    expect(stabilityReading(0.8, 5, { p95: 0.85 }, thresholds)).toBe('dissolved');
    expect(stabilityReading(0.61, 1, { p95: 0.2 }, thresholds)).toBe('single');
  });
});

describe('companions: what the refits keep together', () => {
  // Films a, b in archetype 1; c, d in archetype 2. b is kept with c more than with a.
  const together = [
    [1, 0.3, 0.1, 0.2],
    [0.3, 1, 0.6, 0.1],
    [0.1, 0.6, 1, 0.55],
    [0.2, 0.1, 0.55, 1],
  ];
  const films = [{ coAssignment: 0.3 }, { coAssignment: 0.3 }, { coAssignment: 0.55 }, { coAssignment: 0.55 }];
  const { pairs, strays } = companions(['tt0000001', 'tt0000002', 'tt0000003', 'tt0000004'], [1, 1, 2, 2], together, films);
  it('lists pairs together in more than half of the refits, most often first', () => {
    expect(pairs).toEqual([
      { films: ['tt0000002', 'tt0000003'], share: 0.6, sameArchetype: false },
      { films: ['tt0000003', 'tt0000004'], share: 0.55, sameArchetype: true },
    ]);
  });
  it('names films kept with another archetype’s film more than with their own', () => {
    expect(strays).toEqual([
      { imdbId: 'tt0000002', withOwn: 0.3, other: 'tt0000003', withOther: 0.6 },
      { imdbId: 'tt0000003', withOwn: 0.55, other: 'tt0000002', withOther: 0.6 },
    ]);
  });
});

describe('stability of two well-separated groups', () => {
  // Films 0–5 rise over ten songs, films 6–11 fall, each song with a little noise.
  const samples = Array.from({ length: 12 }, (_, f) => {
    const random = seededRandom(300 + f);
    const noise = () => 0.08 * (random() - 0.5);
    return film(
      Array.from({ length: 10 }, (_, i) => {
        const x = f < 6 ? i / 9 : 1 - i / 9;
        return mood(0.1 + 0.8 * x + noise(), 0.2 + 0.6 * x + noise(), 0.5 + noise(), 100 + 40 * x + 50 * noise());
      }),
    );
  });
  const input: StabilityInput = {
    ...refitInput(samples),
    k: 2,
    seed: 7,
  };
  const count = 50;
  const n = samples.length;

  it('the real fit splits rising from falling', () => {
    const refitter = new Refitter(input);
    const labels = Array.from(refitter.cluster(refitter.unchanged(), 2));
    expect(new Set(labels.slice(0, 6)).size).toBe(1);
    expect(new Set(labels.slice(6)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[6]);
  });

  it('keeps both archetypes in nearly every resample: Jaccard ≥ 0.95, stable, co-assignment ≈ 1', () => {
    const resamples = new Float64Array(count * n);
    stabilityResamples(input, 0, count, resamples);
    // Every label a resample writes is a cluster index 0…k−1.
    for (const l of resamples) expect([0, 1]).toContain(l);
    const labels = Array.from({ length: n }, (_, i) => (i < 6 ? 1 : 2));
    const summary = summariseStability({
      imdbIds: ids(n),
      labels,
      k: 2,
      resamples,
      resampleCount: count,
      wantedResamples: count,
      thresholds,
      ...baseline,
    });
    for (const archetype of summary.archetypes) {
      expect(archetype.jaccard).toBeGreaterThanOrEqual(0.95);
      expect(archetype.reading).toBe('stable');
      expect(archetype.dissolved).toBe(0);
      expect(archetype.size).toBe(6);
    }
    for (const f of summary.films) expect(f.coAssignment!).toBeGreaterThanOrEqual(0.95);
    // A rising film and a falling film almost never share a cluster.
    expect(summary.coAssignment![0][6]).toBeLessThanOrEqual(0.05);
  });

  it('writes the same rows for a resample however the resamples are split', () => {
    const whole = new Float64Array(6 * n);
    stabilityResamples(input, 0, 6, whole);
    const tail = new Float64Array(2 * n);
    stabilityResamples(input, 4, 6, tail);
    expect(Array.from(tail)).toEqual(Array.from(whole.subarray(4 * n)));
  });

  it('clusters at most n films into n clusters when k exceeds n', () => {
    const three = { ...input, samples: samples.slice(0, 3), k: 5 };
    const out = new Float64Array(2 * 3);
    stabilityResamples(three, 0, 2, out);
    for (const l of out) expect(l).toBeLessThan(3);
  });
});
