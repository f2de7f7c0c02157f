/**
 * PCA scores → archetypes. Seeded k-means++ KMeans run many times, the lowest
 * inertia kept; inertia and mean silhouette for every k in range (the null model says
 * what they mean); each film's nearest films by arc distance.
 */
import { restartsFor, type MethodConfig } from '../config.ts';
import { meanSilhouettes } from '../lib/cluster-metrics.ts';
import { bestOfRestarts, type Restarts } from '../lib/kmeans.ts';
import { distances, matrixOf, squaredDistance } from '../lib/matrix.ts';
import type { ClusterResult } from '../schemas.ts';
import type { Reduction } from './reduce.ts';

export interface KMeansFit {
  labels: number[];
  centroids: number[][];
  inertia: number;
}

export function inertiaOf(points: number[][], labels: number[], centroids: number[][]): number {
  let sum = 0;
  points.forEach((p, i) => (sum += squaredDistance(p, centroids[labels[i]])));
  return sum;
}

/** KMeans with k-means++ seeding from `restarts` seeds; the lowest inertia wins (ties: the earliest seed). */
export function bestKMeans(points: number[][], k: number, fits: Restarts): KMeansFit {
  const flat = matrixOf(points);
  const run = bestOfRestarts(flat, k, fits);
  const d = flat.d;
  return {
    labels: Array.from(run.labels),
    centroids: Array.from({ length: k }, (_, c) => Array.from(run.centres.subarray(c * d, c * d + d))),
    inertia: run.inertia,
  };
}

/** Renumbers clusters 1…k in the order their first member appears (film order), so numbers are stable. */
export function canonicalLabels(labels: number[]): { labels: number[]; order: number[] } {
  const order: number[] = [];
  for (const l of labels) if (!order.includes(l)) order.push(l);
  return { labels: labels.map((l) => order.indexOf(l) + 1), order };
}

export function clusterArcs(reduction: Reduction, config: MethodConfig): ClusterResult {
  const { scores, vectors, imdbIds, unclustered } = reduction;
  const n = imdbIds.length;
  const k = Math.min(config.k, n);
  const fitting = { restarts: restartsFor(n, config), seed: config.seeds.kmeans, maxIterations: config.kmeansMaxIterations };
  const best = bestKMeans(scores, k, fitting);
  const { labels, order } = canonicalLabels(best.labels);
  const centroids = order.map((old) => best.centroids[old]);

  // Evidence for k: every k the data allows within the configured range.
  const kValues: number[] = [];
  for (let kk = config.kRange.min; kk <= Math.min(config.kRange.max, n - 1); kk++) kValues.push(kk);
  const fits = kValues.map((kk) => (kk === k ? best : bestKMeans(scores, kk, fitting)));
  const silhouettes = meanSilhouettes(
    matrixOf(scores),
    fits.map((fit) => fit.labels),
    kValues,
  );
  const kEvidence: ClusterResult['kEvidence'] = kValues.map((kk, i) => ({ k: kk, inertia: fits[i].inertia, silhouette: silhouettes[i] }));

  // Nearest films by distance between arcs (the 40 values, all on the same 0–1 scale).
  const arcDistances = distances(matrixOf(vectors));
  const nearest: ClusterResult['nearest'] = {};
  imdbIds.forEach((imdbId, i) => {
    nearest[imdbId] = nearestIndices(arcDistances, n, i, config.nearestFilms).map((j) => ({
      imdbId: imdbIds[j],
      distance: arcDistances[i * n + j],
    }));
  });

  return {
    k,
    assignments: imdbIds.map((imdbId, i) => ({ imdbId, cluster: labels[i] })),
    unclustered,
    explainedVariance: reduction.fit.explainedVariance,
    components: reduction.fit.components,
    inertia: best.inertia,
    kEvidence,
    nearest,
    clusterDistances: centroids.map((a) => centroids.map((b) => Math.sqrt(squaredDistance(a, b)))),
  };
}

/** The `count` rows nearest to row i (ties: the earlier row), without sorting all n. */
export function nearestIndices(distances: Float64Array, n: number, i: number, count: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const dj = distances[i * n + j];
    if (best.length === count && dj >= distances[i * n + best[best.length - 1]]) continue;
    let at = best.length;
    while (at > 0 && distances[i * n + best[at - 1]] > dj) at--;
    best.splice(at, 0, j);
    if (best.length > count) best.pop();
  }
  return best;
}
