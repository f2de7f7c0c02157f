/**
 * Would the archetypes survive other data? Each resample draws every film's
 * featured tracks again with replacement (each at its own place), rebuilds the arcs and
 * refits standardise + PCA + KMeans at the chosen k. Per archetype, Hennig's (2007)
 * clusterwise Jaccard stability, as R's fpc::clusterboot computes it: the mean over
 * resamples of the best Jaccard match between the archetype's films and any cluster of
 * the resample. Per film, how often it lands with the other films of its archetype.
 *
 * A Jaccard means little alone: groups of the same sizes drawn at random already match
 * some of an archetype's films. So each archetype's stability is set beside a baseline,
 * the same figure with every resample's clustering replaced by a random relabelling of
 * the films with the same group sizes (its mean and 95th percentile over many
 * relabellings). An archetype is "dissolved" when its stability is no higher than that
 * 95th percentile or at most Hennig's 0.5; "stable" from 0.75; "fragile" between. An
 * archetype of one film is reported as a single film, never as fragile.
 */
import { drawSeed } from '../config.ts';
import { archetypeMembers, jaccard } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import { mean, quantile } from 'd3-array';
import type { Stability, StabilityReading } from '../schemas.ts';
import { Refitter, type RefitInput } from '../resampling/refit.ts';

/** Above this many films the co-assignment matrix is left out of the output (it grows as n²). */
export const CO_ASSIGNMENT_MAX_FILMS = 100;

export interface StabilityInput extends RefitInput {
  k: number;
  seed: number;
}

/** Resamples from…to−1: each row holds the resample's label (0…k−1) of every film. */
export function stabilityResamples(input: StabilityInput, from: number, to: number, out: Float64Array): void {
  stabilityRunner(input)(from, to, out);
}

/** A runner of the resamples that keeps its buffers from one batch of resamples to the next. */
export function stabilityRunner(input: StabilityInput): (from: number, to: number, out: Float64Array) => void {
  const refitter = new Refitter(input);
  const n = refitter.n;
  return (from, to, out) => {
    for (let b = from; b < to; b++) {
      const scores = refitter.resampled(seededRandom(drawSeed(input.seed, b)));
      const labels = refitter.cluster(scores, Math.min(input.k, n));
      for (let i = 0; i < n; i++) out[(b - from) * n + i] = labels[i];
    }
  };
}

export interface StabilitySummaryInput {
  imdbIds: string[];
  /** Published labels 1…k. */
  labels: number[];
  k: number;
  resamples: Float64Array;
  resampleCount: number;
  wantedResamples: number;
  thresholds: { stable: number; dissolved: number };
  /** Random relabellings for each archetype's baseline, and their seed. */
  baselineDraws: number;
  seed: number;
}

/** Best Jaccard of `rows` against any group of `labels` (0…k−1 or more), with `sizes` of each group. */
function bestJaccard(rows: readonly number[], labels: ArrayLike<number>, sizes: Int32Array, shared: Int32Array): number {
  shared.fill(0);
  for (const r of rows) shared[labels[r]]++;
  let best = 0;
  for (let g = 0; g < sizes.length; g++) {
    if (shared[g] === 0) continue;
    best = Math.max(best, shared[g] / (rows.length + sizes[g] - shared[g]));
  }
  return best;
}

/**
 * Each archetype's stability under random relabellings: every resample's labels
 * permuted among the films (so its group sizes stay), `draws` times. Mean and 95th
 * percentile over the draws of the mean best Jaccard.
 */
export function stabilityBaseline(
  members: number[][],
  { resamples, count, n }: { resamples: Float64Array; count: number; n: number },
  { draws, seed }: { draws: number; seed: number },
): { mean: number; p95: number }[] {
  const maxLabel = Math.max(0, ...Array.from(resamples.subarray(0, count * n)));
  const sizes = new Int32Array(maxLabel + 1);
  const shared = new Int32Array(maxLabel + 1);
  const labels = new Int32Array(n);
  const values = members.map(() => new Float64Array(draws));
  for (let d = 0; d < draws; d++) {
    const random = seededRandom(drawSeed(seed, d));
    for (let b = 0; b < count; b++) {
      for (let i = 0; i < n; i++) labels[i] = resamples[b * n + i];
      shuffleValues(labels, random);
      sizes.fill(0);
      for (let i = 0; i < n; i++) sizes[labels[i]]++;
      members.forEach((rows, a) => (values[a][d] += bestJaccard(rows, labels, sizes, shared) / Math.max(1, count)));
    }
  }
  return values.map((v) => ({ mean: mean(v) ?? 0, p95: quantile(v, 0.95) ?? 0 }));
}

function shuffleValues(values: Int32Array, random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = values[i];
    values[i] = values[j];
    values[j] = x;
  }
}

export function stabilityReading(
  jaccardValue: number,
  size: number,
  baseline: { p95: number },
  thresholds: { stable: number; dissolved: number },
): StabilityReading {
  if (size === 1) return 'single';
  if (jaccardValue <= Math.max(thresholds.dissolved, baseline.p95)) return 'dissolved';
  return jaccardValue >= thresholds.stable ? 'stable' : 'fragile';
}

export function summariseStability(input: StabilitySummaryInput): Stability {
  const { imdbIds, labels, k, resamples, resampleCount: count, thresholds } = input;
  const n = imdbIds.length;
  const members = archetypeMembers(labels, k);
  const jaccardSums = new Float64Array(k);
  const dissolvedCounts = new Int32Array(k);
  // Co-assignment counts within each archetype (all a film's figure needs), and of every
  // pair only when the matrix is published: it grows as n².
  const whole = n <= CO_ASSIGNMENT_MAX_FILMS;
  const together = new Float64Array(whole ? n * n : 0);
  const within = members.map((rows) => new Float64Array(rows.length * rows.length));
  for (let b = 0; b < count; b++) {
    const row = resamples.subarray(b * n, b * n + n);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const group = groups.get(row[i]);
      if (group) group.push(i);
      else groups.set(row[i], [i]);
    }
    members.forEach((rows, a) => {
      let best = 0;
      for (const group of groups.values()) best = Math.max(best, jaccard(rows, group));
      jaccardSums[a] += best;
      if (best <= thresholds.dissolved) dissolvedCounts[a]++;
    });
    members.forEach((rows, a) => {
      const m = rows.length;
      for (let x = 0; x < m; x++) for (let y = 0; y < m; y++) if (row[rows[x]] === row[rows[y]]) within[a][x * m + y]++;
    });
    if (whole) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (row[i] === row[j]) together[i * n + j]++;
  }
  const share = (x: number) => (count ? x / count : 0);
  const baselines = stabilityBaseline(members, { resamples, count, n }, { draws: input.baselineDraws, seed: input.seed });
  const archetypes = members.map((rows, a) => {
    const value = share(jaccardSums[a]);
    return {
      archetype: a + 1,
      jaccard: value,
      dissolved: share(dissolvedCounts[a]),
      baseline: baselines[a],
      reading: stabilityReading(value, rows.length, baselines[a], thresholds),
      size: rows.length,
    };
  });
  const films = imdbIds.map((imdbId, i) => {
    const rows = members[labels[i] - 1];
    const at = rows.indexOf(i);
    const m = rows.length;
    const others = rows.flatMap((j, y) => (j === i ? [] : [y]));
    return {
      imdbId,
      // A film alone in its archetype has nobody to be kept with: its archetype's Jaccard says how it fares.
      coAssignment: others.length ? others.reduce((s, y) => s + share(within[labels[i] - 1][at * m + y]), 0) / others.length : null,
    };
  });
  const coAssignment = whole ? Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => share(together[i * n + j]))) : null;
  return {
    resamples: count,
    reduced: count < input.wantedResamples,
    thresholds,
    baselineDraws: input.baselineDraws,
    archetypes,
    films,
    coAssignment,
    coAssignmentFilms: whole ? imdbIds : [],
    ...(coAssignment ? companions(imdbIds, labels, coAssignment, films) : { pairs: [], strays: [] }),
  };
}

/**
 * What the refits keep together, film by film: pairs in one cluster in more than half
 * of them, and films kept with a film of another archetype more often than with their
 * own archetype's films on average.
 */
export function companions(
  imdbIds: string[],
  labels: number[],
  together: number[][],
  films: { coAssignment: number | null }[],
): Pick<Stability, 'pairs' | 'strays'> {
  const n = imdbIds.length;
  const pairs: Stability['pairs'] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (together[i][j] > 0.5)
        pairs.push({ films: [imdbIds[i], imdbIds[j]], share: together[i][j], sameArchetype: labels[i] === labels[j] });
  const strays: Stability['strays'] = [];
  imdbIds.forEach((imdbId, i) => {
    const own = films[i].coAssignment;
    if (own === null) return;
    let other = -1;
    for (let j = 0; j < n; j++) if (labels[j] !== labels[i] && (other < 0 || together[i][j] > together[i][other])) other = j;
    if (other >= 0 && together[i][other] > own) strays.push({ imdbId, withOwn: own, other: imdbIds[other], withOther: together[i][other] });
  });
  return {
    pairs: pairs.sort((a, b) => b.share - a.share || a.films[0].localeCompare(b.films[0]) || a.films[1].localeCompare(b.films[1])),
    strays,
  };
}
