import { describe, expect, it } from 'vitest';
import { jaccard } from '../../../scripts/lib/cluster-metrics.ts';
import { seededRandom } from '../../../scripts/lib/random.ts';
import type { ArcSample } from '../../../scripts/stages/arcs.ts';
import { Refitter } from '../../../scripts/stages/refit.ts';
import { CO_ASSIGNMENT_MAX_FILMS, stabilityResamples, summariseStability, type StabilityInput } from '../../../scripts/stages/stability.ts';
import type { Mood } from '../../../scripts/schemas.ts';

const mood = (valence: number, energy: number, danceability: number, tempo: number): Mood => ({ valence, energy, danceability, tempo });
const film = (moods: Mood[]): ArcSample[] => moods.map((m, i) => ({ t: i / (moods.length - 1), mood: m }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `tt${String(i + 1).padStart(7, '0')}`);
const thresholds = { stable: 0.75, dissolved: 0.5 };

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
  const summary = summariseStability({ imdbIds: ids(4), labels: [1, 1, 2, 2], k: 2, resamples, resampleCount: 3, wantedResamples: 3, thresholds });

  it('takes the mean best Jaccard match per archetype, Hennig-style', () => {
    expect(summary.archetypes[0].jaccard).toBeCloseTo(2.5 / 3, 12);
    expect(summary.archetypes[1].jaccard).toBeCloseTo(8 / 9, 12);
    expect(summary.archetypes[0].dissolved).toBeCloseTo(1 / 3, 12);
    expect(summary.archetypes[1].dissolved).toBe(0);
    expect(summary.archetypes.map((a) => a.reading)).toEqual(['stable', 'stable']);
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
    const split = summariseStability({ imdbIds: ids(4), labels: [1, 1, 1, 1], k: 1, resamples: halves, resampleCount: 2, wantedResamples: 4, thresholds });
    expect(split.archetypes[0].jaccard).toBe(0.5);
    expect(split.archetypes[0].reading).toBe('dissolved');
    expect(split.archetypes[0].dissolved).toBe(1);
    expect(split.reduced).toBe(true);
    // {0, 1, 2} against {0, 1} | {2, 3}: best 2/3 → between the thresholds, fragile.
    const fragile = summariseStability({ imdbIds: ids(4), labels: [1, 1, 1, 2], k: 2, resamples: new Float64Array([0, 0, 1, 1]), resampleCount: 1, wantedResamples: 1, thresholds });
    expect(fragile.archetypes[0].jaccard).toBeCloseTo(2 / 3, 12);
    expect(fragile.archetypes[0].reading).toBe('fragile');
  });
  it('gives a film alone in its archetype no co-assignment', () => {
    const lone = summariseStability({ imdbIds: ids(3), labels: [1, 1, 2], k: 2, resamples: new Float64Array([0, 0, 1, 0, 0, 1]), resampleCount: 2, wantedResamples: 2, thresholds });
    expect(lone.films[2].coAssignment).toBeNull();
    expect(lone.films[0].coAssignment).toBe(1);
    expect(lone.archetypes[1].jaccard).toBe(1);
  });
  it('leaves the co-assignment matrix out above the size limit', () => {
    const n = CO_ASSIGNMENT_MAX_FILMS + 1;
    const big = summariseStability({ imdbIds: ids(n), labels: Array(n).fill(1), k: 1, resamples: new Float64Array(n), resampleCount: 1, wantedResamples: 1, thresholds });
    expect(big.coAssignment).toBeNull();
    expect(big.coAssignmentFilms).toEqual([]);
    expect(big.archetypes[0].jaccard).toBe(1);
  });
  it('gives each film the same co-assignment above the size limit, where only pairs within an archetype are counted', () => {
    const n = CO_ASSIGNMENT_MAX_FILMS + 1;
    const labels = Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const count = 4;
    const resamples = Float64Array.from({ length: count * n }, (_, x) => (x * 7 + Math.floor(x / n)) % 4);
    const big = summariseStability({ imdbIds: ids(n), labels, k: 3, resamples, resampleCount: count, wantedResamples: count, thresholds });
    big.films.forEach((film, i) => {
      const others = labels.flatMap((l, j) => (l === labels[i] && j !== i ? [j] : []));
      const together = (j: number) => Array.from({ length: count }, (_, b) => resamples[b * n + i] === resamples[b * n + j]).filter(Boolean).length / count;
      expect(film.coAssignment).toBeCloseTo(others.reduce((s, j) => s + together(j), 0) / others.length, 12);
    });
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
  const input: StabilityInput = { samples, steps: 10, globalRange: null, varianceTarget: 0.8, restarts: 5, kmeansSeed: 42, maxIterations: 100, k: 2, seed: 7 };
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
    const summary = summariseStability({ imdbIds: ids(n), labels, k: 2, resamples, resampleCount: count, wantedResamples: count, thresholds });
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
