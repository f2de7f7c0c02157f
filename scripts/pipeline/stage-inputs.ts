/**
 * What the stages that need more than one earlier result are given, and how the
 * resampling stages share their draws with the worker thread: the glue between the list
 * of stages in analyse.ts and the stages themselves, kept out of the list so it reads
 * as the method.
 */
import { drawsFor, FEATURES, restartsFor, type MethodConfig } from '../config.ts';
import { adjustedRandIndex } from '../lib/cluster-metrics.ts';
import type { Calibration, ClusterResult, Mood, NullModel, OrderSignal } from '../schemas.ts';
import { buildArcs } from '../stages/arcs.ts';
import { CALIBRATION_WIDTH, summariseCalibration } from '../stages/calibration.ts';
import { bestKMeans } from '../stages/clusters.ts';
import type { FeaturesResult } from '../stages/features.ts';
import { nullModelWidth, summariseNullModel } from '../stages/null-model.ts';
import { featureScale } from '../stages/order-signal.ts';
import { POWER_WIDTH, summarisePower } from '../stages/power.ts';
import { reduceArcs, type Reduction } from '../stages/reduce.ts';
import type { FilmShapeResult } from '../stages/shapes.ts';
import { summariseStability } from '../stages/stability.ts';
import type { FilmTrend } from '../schemas.ts';
import type { RefitInput } from '../resampling/refit.ts';
import { runJob, startJob, threadsFor } from '../threads/resampling.ts';

type Arcs = ReturnType<typeof buildArcs>;

/** How many draws of a resampling stage the second thread computed, for its line in the log. */
export type WorkerShare = { draws: number };
export const onSecondThread = (share: WorkerShare, total: number) =>
  share.draws ? ` (${share.draws} of ${total} on the second thread)` : '';

/** What every refit of the method on resampled or reordered arcs is given: the clustered films' songs and runs, and the settings. */
export function refitSettings(arcs: Arcs, reduction: Reduction, runs: number[][], config: MethodConfig): RefitInput {
  return {
    samples: reduction.rows.map((row) => arcs.samples[row]),
    runs: reduction.rows.map((row) => runs[row]),
    steps: config.steps,
    // Per-film scaling rescales each rebuilt arc to its own range; level-preserving keeps the dataset's.
    globalRange: config.arcScaling === 'level-preserving' ? arcs.globalRange : null,
    varianceTarget: config.pcaVarianceTarget,
    restarts: restartsFor(reduction.imdbIds.length, config),
    kmeansSeed: config.seeds.kmeans,
    maxIterations: config.kmeansMaxIterations,
  };
}

/** The clustering against shuffled orders, its draws shared with the worker thread. */
export function nullModelStage(refit: RefitInput, clusters: ClusterResult, config: MethodConfig, share: WorkerShare): NullModel {
  const kValues = clusters.kEvidence.map((e) => e.k);
  const drawCount = drawsFor(refit.samples.length, config.nullModelDraws, config);
  const input = { ...refit, kValues, k: clusters.k, seed: config.seeds.nullModel };
  const { values: draws, workerDraws } = runJob('null-model', input, {
    draws: drawCount,
    width: nullModelWidth(input),
    threads: threadsFor(config),
  });
  share.draws = workerDraws;
  return summariseNullModel({
    kValues,
    k: clusters.k,
    realSilhouettes: clusters.kEvidence.map((e) => e.silhouette),
    draws,
    drawCount,
    wantedDraws: config.nullModelDraws,
    significance: config.significance,
  });
}

/** The archetypes refitted on resampled films, their resamples shared with the worker thread. */
export function stabilityStage(refit: RefitInput, clusters: ClusterResult, config: MethodConfig, share: WorkerShare) {
  const n = refit.samples.length;
  const count = drawsFor(n, config.stabilityResamples, config);
  const input = { ...refit, k: clusters.k, seed: config.seeds.stability };
  const { values: resamples, workerDraws } = runJob('stability', input, { draws: count, width: n, threads: threadsFor(config) });
  share.draws = workerDraws;
  return summariseStability({
    imdbIds: clusters.assignments.map((a) => a.imdbId),
    labels: clusters.assignments.map((a) => a.cluster),
    k: clusters.k,
    resamples,
    resampleCount: count,
    wantedResamples: config.stabilityResamples,
    thresholds: config.jaccard,
    baselineDraws: config.stabilityBaselineDraws,
    seed: config.seeds.stability + 1,
  });
}

/** What the calibration and power simulations test with: the clustering test's settings on the real films. */
export function clusteringTestSettings(refit: RefitInput, clusters: ClusterResult, config: MethodConfig) {
  return {
    ...refit,
    k: clusters.k,
    significance: config.significance,
    draws: drawsFor(refit.samples.length, config.nullModelDraws, config),
  };
}

/** Whether the catalogue is small enough to simulate the clustering test in every world. */
export const simulatesClustering = (refit: RefitInput, config: MethodConfig) => refit.samples.length <= config.simulationMaxFilms;

/** What the real data gave in each published test. */
export interface ObservedTests {
  nullModel: NullModel;
  order: OrderSignal;
  trends: { trend: FilmTrend }[];
  shapes: FilmShapeResult[];
}

/** The calibration's worlds, being computed on the worker thread; joined, they are set against what the real data gave. */
export interface CalibrationJob {
  join(observed: ObservedTests): Calibration;
}

/**
 * Every published test on worlds whose order carries nothing. The worlds need only the
 * clustered films and every song's mood (their scale), so they start on the worker thread
 * now, while this thread runs the tests on the real data and the stages after them.
 */
export function startCalibration(refit: RefitInput, clusters: ClusterResult, allMoods: Mood[], config: MethodConfig): CalibrationJob {
  const withClustering = simulatesClustering(refit, config);
  const worlds = drawsFor(refit.samples.length, config.calibrationWorlds, { ...config, minResamplingDraws: 10 });
  const input = {
    ...clusteringTestSettings(refit, clusters, config),
    imdbIds: clusters.assignments.map((a) => a.imdbId),
    zScale: featureScale(allMoods),
    orderShuffles: config.orderShuffles,
    trendShuffles: config.trendShuffles,
    shapeShuffles: config.shapeShuffles,
    shapeMinCorrelation: config.shapeMinCorrelation,
    withdrawnDraws: config.calibrationWithdrawnDraws,
    withClustering,
    seed: config.seeds.calibration,
  };
  const job = startJob('calibration', input, { draws: worlds, width: CALIBRATION_WIDTH, threads: threadsFor(config) });
  const withdrawn = ['order-within-films-songs', 'order-pooled-songs', 'archetype-spread'] as const;
  return {
    join(observed) {
      const counts = observedCounts(observed, config.significance);
      return summariseCalibration(job.join().values, worlds, {
        significance: config.significance,
        withdrawn,
        observed: withClustering ? counts : { ...counts, clustering: undefined },
      });
    },
  };
}

/** How many findings each published test made on the real data, to set against the worlds' counts. */
function observedCounts(observed: ObservedTests, significance: number) {
  const below = (p: number) => (p < significance ? 1 : 0);
  return {
    clustering: below(observed.nullModel.verdict.chosenP),
    'order-within-films': observed.order.overall.filmsBelowSignificance,
    'order-pooled': below(observed.order.overall.p),
    trend: observed.trends.reduce((n, f) => n + FEATURES.filter((x) => f.trend[x].word !== 'no-trend').length, 0),
    shape: observed.shapes.filter((x) => x.beyondChance).length,
    'order-within-films-songs': observed.order.songLevel.filmsBelowSignificance,
    'order-pooled-songs': below(observed.order.songLevel.p),
  };
}

/** Planted arcs of growing strength: how strong an effect the clustering test finds. */
export function powerStage(refit: RefitInput, clusters: ClusterResult, config: MethodConfig) {
  const settings = clusteringTestSettings(refit, clusters, config);
  const input = {
    ...settings,
    draws: Math.min(settings.draws, config.powerDraws),
    strengths: config.powerStrengths,
    worldsPerStrength: config.powerWorldsPerStrength,
    noise: withinFilmNoise(refit.samples),
    seed: config.seeds.power,
  };
  const { values } = runJob('power', input, {
    draws: input.strengths.length * input.worldsPerStrength,
    width: POWER_WIDTH,
    threads: threadsFor(config),
  });
  return summarisePower(values, input);
}

/** Each feature's standard deviation over songs within films, pooled: the noise a planted arc's strength is measured in. */
export function withinFilmNoise(samples: { mood: Mood }[][]): Mood {
  const noise = { valence: 0, energy: 0, danceability: 0, tempo: 0 };
  let count = 0;
  for (const film of samples) {
    for (const f of FEATURES) {
      const mean = film.reduce((s, x) => s + x.mood[f], 0) / film.length;
      noise[f] += film.reduce((s, x) => s + (x.mood[f] - mean) ** 2, 0);
    }
    count += film.length;
  }
  for (const f of FEATURES) noise[f] = Math.sqrt(noise[f] / Math.max(1, count));
  return noise;
}

/**
 * Sensitivity: the adjusted Rand index between the published archetypes and those the
 * other arc scaling would give. The arcs stage already drew every film's level-preserving
 * arc; only KMeans at k is needed.
 */
export function otherScalingAgreement(arcs: Arcs, featured: FeaturesResult, clusters: ClusterResult, config: MethodConfig): number {
  const otherArcs =
    config.arcScaling === 'per-film'
      ? arcs.arcs.map((arc) => ({
          ...arc,
          vector: arc.vector && arc.levelPoints ? FEATURES.flatMap((f) => arc.levelPoints!.map((p) => p[f])) : null,
        }))
      : buildArcs(featured.films, { steps: config.steps, scaling: 'per-film', minFeaturedTracks: config.minFeaturedTracks }).arcs;
  const other = reduceArcs(otherArcs, config);
  const fit = bestKMeans(other.scores, clusters.k, {
    restarts: restartsFor(other.imdbIds.length, config),
    seed: config.seeds.kmeans,
    maxIterations: config.kmeansMaxIterations,
  });
  return adjustedRandIndex(
    clusters.assignments.map((a) => a.cluster),
    fit.labels,
  );
}

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
