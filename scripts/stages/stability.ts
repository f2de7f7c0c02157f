/**
 * Stage 10: would the archetypes survive other data? Each resample draws every film's
 * featured tracks again with replacement (each at its own place), rebuilds the arcs and
 * refits standardise + PCA + KMeans at the chosen k. Per archetype, Hennig's (2007)
 * clusterwise Jaccard stability, as R's fpc::clusterboot computes it: the mean over
 * resamples of the best Jaccard match between the archetype's films and any cluster of
 * the resample (at least 0.75 stable, at most 0.5 dissolved). Per film, how often it
 * lands with the other films of its archetype.
 */
import { drawSeed } from '../config.ts';
import { archetypeMembers, jaccard } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import type { Stability } from '../schemas.ts';
import { Refitter, type RefitInput } from './refit.ts';

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
  const archetypes = members.map((rows, a) => {
    const value = share(jaccardSums[a]);
    return {
      cluster: a + 1,
      jaccard: value,
      dissolved: share(dissolvedCounts[a]),
      reading: value >= thresholds.stable ? ('stable' as const) : value <= thresholds.dissolved ? ('dissolved' as const) : ('fragile' as const),
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
  return {
    resamples: count,
    reduced: count < input.wantedResamples,
    thresholds,
    archetypes,
    films,
    coAssignment: whole ? Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => share(together[i * n + j]))) : null,
    coAssignmentFilms: whole ? imdbIds : [],
  };
}
