/**
 * Stage 7: arcs → archetypes. Standardise the arc vectors, keep the fewest principal
 * components reaching the variance target, run seeded k-means++ KMeans many times and
 * keep the lowest inertia. Around that: inertia and silhouette for every k in range,
 * a bootstrap of tracks within films for membership confidence, and nearest films.
 */
import { PCA } from 'ml-pca';
import type { MethodConfig } from '../config.ts';
import { bestOfRestarts, toPoints } from '../lib/kmeans.ts';
import { distanceMatrix, fitStandardiser, nearestCentroid, squaredDistance, standardise } from '../lib/linalg.ts';
import { seededRandom } from '../lib/random.ts';
import type { ClusterResult, FilmArc } from '../schemas.ts';
import { ArcResampler, type ArcSample, type FeatureRange } from './arcs.ts';

/** Above this many films the co-assignment matrix is left out of the output (it grows as n²). */
export const CO_ASSIGNMENT_MAX_FILMS = 100;

/** The arcs reduced for clustering: the films that have an arc, their PCA fit and scores. */
export interface Reduction {
  imdbIds: string[];
  /** Index of each clustered film in the arcs it came from. */
  rows: number[];
  unclustered: string[];
  vectors: number[][];
  fit: PcaFit;
  /** PCA scores on the kept components: the space KMeans and the map work in. */
  scores: number[][];
  /** The first two principal components, for the PCA map. */
  pca2d: number[][];
}

export function reduceArcs(arcs: FilmArc[], config: MethodConfig): Reduction {
  const rows = arcs.flatMap((arc, i) => (arc.vector ? [i] : []));
  if (rows.length === 0) throw new Error('no film has a track with mood features, so there is nothing to cluster');
  const vectors = rows.map((i) => arcs[i].vector as number[]);
  const fit = fitPca(vectors, config.pcaVarianceTarget);
  return {
    imdbIds: rows.map((i) => arcs[i].imdbId),
    rows,
    unclustered: arcs.filter((a) => a.vector === null).map((a) => a.imdbId),
    vectors,
    fit,
    scores: project(fit, vectors, fit.components),
    pca2d: project(fit, vectors, 2),
  };
}

export interface ClusterInput {
  reduction: Reduction;
  /** Every film's arc samples, in the order of the arcs, for the bootstrap. */
  samples: ArcSample[][];
  /** The level-preserving scale, when arcs were built with one. */
  globalRange: FeatureRange | null;
  config: MethodConfig;
}

export interface PcaFit {
  standardiser: ReturnType<typeof fitStandardiser>;
  /** Means PCA subtracts (of the standardised data: zero up to rounding). */
  means: number[];
  /** Loadings, features × components, row-major. */
  loadings: Float64Array;
  available: number;
  explainedVariance: number[];
  components: number;
}

export function fitPca(vectors: number[][], varianceTarget: number): PcaFit {
  const standardiser = fitStandardiser(vectors);
  const z = standardise(vectors, standardiser);
  const pca = new PCA(z, { center: true, scale: false });
  const explainedVariance = pca.getExplainedVariance().map((v) => (Number.isFinite(v) ? v : 0));
  let cumulative = 0;
  let components = explainedVariance.length;
  for (let i = 0; i < explainedVariance.length; i++) {
    cumulative += explainedVariance[i];
    if (cumulative >= varianceTarget - 1e-12) {
      components = i + 1;
      break;
    }
  }
  const model = pca.toJSON();
  const u = model.U.to2DArray();
  const available = u[0]?.length ?? 0;
  const loadings = new Float64Array(u.length * available);
  u.forEach((row, i) => loadings.set(row, i * available));
  return { standardiser, means: model.means, loadings, available, explainedVariance, components: Math.max(1, components) };
}

/** Standardise with the fitted scale and project onto the first `components` principal axes. */
export function project(fit: PcaFit, vectors: number[][], components: number): number[][] {
  const { means: mu, stds } = fit.standardiser;
  const d = mu.length;
  const m = Math.min(components, fit.available);
  const z = new Float64Array(d);
  return vectors.map((v) => {
    for (let j = 0; j < d; j++) z[j] = (stds[j] > 0 ? (v[j] - mu[j]) / stds[j] : 0) - fit.means[j];
    // Padded with zeros when PCA found fewer components than asked (two films give one).
    const out = new Array<number>(components).fill(0);
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += z[j] * fit.loadings[j * fit.available + c];
      out[c] = s;
    }
    return out;
  });
}

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
export function bestKMeans(points: number[][], k: number, restarts: number, seed: number, maxIterations: number): KMeansFit {
  const flat = toPoints(points);
  const run = bestOfRestarts(flat, k, restarts, seed, maxIterations);
  const d = flat.d;
  return {
    labels: Array.from(run.labels),
    centroids: Array.from({ length: k }, (_, c) => Array.from(run.centres.subarray(c * d, c * d + d))),
    inertia: run.inertia,
  };
}

/** Mean silhouette (scikit-learn's definition; a point alone in its cluster scores 0). */
export function meanSilhouette(distances: Float64Array, labels: number[], k: number): number {
  const n = labels.length;
  if (k < 2 || n <= k) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]++;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += distances[i * n + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Renumbers clusters 1…k in the order their first member appears (film order), so numbers are stable. */
export function canonicalLabels(labels: number[]): { labels: number[]; order: number[] } {
  const order: number[] = [];
  for (const l of labels) if (!order.includes(l)) order.push(l);
  return { labels: labels.map((l) => order.indexOf(l) + 1), order };
}

export function clusterArcs({ reduction, samples, globalRange, config }: ClusterInput): ClusterResult {
  const { fit, scores, vectors, imdbIds, unclustered } = reduction;
  const n = imdbIds.length;
  const k = Math.min(config.k, n);
  const best = bestKMeans(scores, k, config.kmeansRestarts, config.seeds.kmeans, config.kmeansMaxIterations);
  const { labels, order } = canonicalLabels(best.labels);
  const centroids = order.map((old) => best.centroids[old]);

  // Evidence for k: every k the data allows within the configured range.
  const distances = distanceMatrix(scores);
  const kEvidence: ClusterResult['kEvidence'] = [];
  for (let kk = config.kRange.min; kk <= Math.min(config.kRange.max, n - 1); kk++) {
    const fitK = kk === k ? best : bestKMeans(scores, kk, config.kmeansRestarts, config.seeds.kmeans, config.kmeansMaxIterations);
    kEvidence.push({ k: kk, inertia: fitK.inertia, silhouette: meanSilhouette(distances, fitK.labels, kk) });
  }
  const kSupport = supportFor(k, kEvidence);

  // Bootstrap: resample each film's tracks, rebuild its arc, place it in the fitted space.
  const random = seededRandom(config.seeds.bootstrap);
  const resamples = config.bootstrapResamples;
  const stays = new Float64Array(n);
  const keepPairs = n <= CO_ASSIGNMENT_MAX_FILMS;
  const together = keepPairs ? new Float64Array(n * n) : null;
  const boot = new Int32Array(n);
  const resampler = new ArcResampler(reduction.rows.map((row) => samples[row]), config.steps, globalRange);
  const bootVectors: number[][] = Array.from({ length: n }, () => new Array<number>(4 * config.steps).fill(0));
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) resampler.resample(i, random, bootVectors[i]);
    const bootScores = project(fit, bootVectors, fit.components);
    for (let i = 0; i < n; i++) boot[i] = nearestCentroid(bootScores[i], centroids) + 1;
    for (let i = 0; i < n; i++) {
      if (boot[i] === labels[i]) stays[i]++;
      if (together) for (let j = 0; j < n; j++) if (boot[i] === boot[j]) together[i * n + j]++;
    }
  }
  const coAssignment = together
    ? Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (resamples ? together[i * n + j] / resamples : i === j ? 1 : 0)))
    : null;

  // Nearest films by distance between arcs (the 40 values, all on the same 0–1 scale).
  const arcDistances = distanceMatrix(vectors);
  const nearest: ClusterResult['nearest'] = {};
  imdbIds.forEach((imdbId, i) => {
    nearest[imdbId] = nearestIndices(arcDistances, n, i, config.nearestFilms).map((j) => ({ imdbId: imdbIds[j], distance: arcDistances[i * n + j] }));
  });

  const clusterDistances = centroids.map((a) => centroids.map((b) => Math.sqrt(squaredDistance(a, b))));
  const result: ClusterResult = {
    k,
    assignments: imdbIds.map((imdbId, i) => ({
      imdbId,
      cluster: labels[i],
      confidence: resamples ? stays[i] / resamples : 1,
    })),
    unclustered,
    explainedVariance: fit.explainedVariance,
    components: fit.components,
    inertia: best.inertia,
    kEvidence,
    kSupport,
    coAssignment,
    nearest,
    clusterDistances,
  };
  return result;
}

/** How well the silhouette supports the chosen k: best (strong), within 10% of best (moderate), else weak. */
export function supportFor(k: number, evidence: ClusterResult['kEvidence']): ClusterResult['kSupport'] {
  if (evidence.length === 0) return { bestBySilhouette: k, chosenRank: 1, candidates: 1, verdict: 'weak' };
  const ranked = [...evidence].sort((a, b) => b.silhouette - a.silhouette || a.k - b.k);
  const best = ranked[0];
  const chosen = evidence.find((e) => e.k === k);
  const chosenRank = chosen ? ranked.indexOf(chosen) + 1 : evidence.length + 1;
  let verdict: 'strong' | 'moderate' | 'weak' = 'weak';
  if (chosen && chosenRank === 1) verdict = 'strong';
  else if (chosen && best.silhouette > 0 && chosen.silhouette >= 0.9 * best.silhouette) verdict = 'moderate';
  return { bestBySilhouette: best.k, chosenRank, candidates: evidence.length, verdict };
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
