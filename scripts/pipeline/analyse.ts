/**
 * The method: the stages in order, on inputs already in memory. Pure given the inputs and
 * the method's settings (the log and the timings aside). `runPipeline` (run.ts) feeds it
 * data/; the benchmark, synthetic catalogues. Each line of the chain is one stage: its
 * result's name, what it computes from the results before it, and its line in the log.
 */
import { defaultConfig, drawsFor, type MethodConfig } from '../config.ts';
import type {
  Calibration,
  ClusterResult,
  FilmTrend,
  Levels,
  Lineup,
  MapResult,
  NullModel,
  OrderSignal,
  Power,
  Replication,
  Stability,
  Story,
  StudyComparison,
} from '../schemas.ts';
import type { RefitInput } from '../resampling/refit.ts';
import type { PipelineInputs } from './inputs.ts';
import { StageChain, type Log, type StageTiming } from './stage-chain.ts';
import {
  nullModelStage,
  onSecondThread,
  otherScalingAgreement,
  powerStage,
  refitSettings,
  simulatesClustering,
  sortedRecord,
  stabilityStage,
  startCalibration,
} from './stage-inputs.ts';
import * as summary from './stage-summaries.ts';
import { collectWarnings } from './warnings.ts';
import { buildArcs, extrapolatedShare } from '../stages/arcs.ts';
import { runLengths } from '../stages/blocks.ts';
import { clusterArcs } from '../stages/clusters.ts';
import { creditTracks, type CreditsResult } from '../stages/credits.ts';
import { exportStory, type ExportInput } from '../stages/export.ts';
import { inferFeatures, type FeaturesResult } from '../stages/features.ts';
import { tagGenres, type GenresResult } from '../stages/genres.ts';
import { filmLevels } from '../stages/levels.ts';
import { buildLineup } from '../stages/lineup.ts';
import { orderSignal } from '../stages/order-signal.ts';
import { profileFilms } from '../stages/profiles.ts';
import { reduceArcs, type Reduction } from '../stages/reduce.ts';
import { replicate } from '../stages/replication.ts';
import { filmShapes, type FilmShapeResult } from '../stages/shapes.ts';
import { loadSoundtracks, type SoundtracksResult } from '../stages/soundtracks.ts';
import { storyFilms, type StoryFilmsInput } from '../stages/story-films.ts';
import { compareWithStudy } from '../stages/study-comparison.ts';
import { filmTrends } from '../stages/trends.ts';
import { startMap } from '../threads/map.ts';
import { prepareResampling, threadsFor } from '../threads/resampling.ts';

export type { Log, StageTiming } from './stage-chain.ts';

export interface Analysis {
  story: Story;
  timings: StageTiming[];
  /** Entries each film's snapshot lists, as the soundtracks stage read them (for the invariants). */
  listedTracks: Map<string, number>;
}

export function analyse(inputs: PipelineInputs, config: MethodConfig = defaultConfig, log: Log = () => {}): Analysis {
  const timings: StageTiming[] = [];
  // The resampling worker loads its modules while the stages before resampling run.
  prepareResampling(threadsFor(config), inputs.films.length * drawsFor(inputs.films.length, config.nullModelDraws, config));
  const onWorker = { nullModel: { draws: 0 }, stability: { draws: 0 } };
  const { export: story, soundtracks } = new StageChain({ inputs }, timings, log)
    .stage('soundtracks', (r) => loadSoundtracks(r.inputs.films, r.inputs.snapshots), summary.soundtracks)
    .stage('credits', (r) => creditTracks(r.soundtracks.soundtracks, Object.keys(r.inputs.artistGenres.artists)), summary.credits)
    .stage('genres', (r) => tagGenres(r.credits.films, r.inputs.artistGenres), summary.genres)
    .stage('features', (r) => inferFeatures(r.genres.films, r.inputs.moodMap), summary.features)
    .stage(
      'arcs',
      (r) => buildArcs(r.features.films, arcOptions(config)),
      (a) => summary.arcs(a, config),
    )
    .stage('reduce', (r) => reduceArcs(r.arcs.arcs, config), summary.reduce)
    // The map needs only the PCA scores: it starts now, on a worker thread for large catalogues.
    .derive('mapJob', (r) => startMap(r.reduce.imdbIds, r.reduce.scores, r.reduce.pca2d, config))
    .stage('clusters', (r) => clusterArcs(r.reduce, config), summary.clusters)
    .derive('runs', (r) => r.arcs.samples.map((samples) => runLengths(samples.map((s) => s.artists))))
    .derive('refit', (r) => refitSettings(r.arcs, r.reduce, r.runs, config))
    .stage(
      'nullModel',
      (r) => nullModelStage(r.refit, r.clusters, config, onWorker.nullModel),
      (m) => summary.nullModel(m, onSecondThread(onWorker.nullModel, m.draws)),
    )
    .stage(
      'stability',
      (r) => stabilityStage(r.refit, r.clusters, config, onWorker.stability),
      (s) => summary.stability(s, onSecondThread(onWorker.stability, s.resamples)),
    )
    .derive('films', (r) => clusteredFilms(r.arcs, r.reduce, r.runs))
    .derive('allMoods', (r) => r.arcs.samples.flat().map((s) => s.mood))
    // The calibration's worlds need none of the tests below: the worker starts on them now.
    .derive('calibrationJob', (r) => startCalibration(r.refit, r.clusters, r.allMoods, config))
    .stage(
      'order',
      (r) => orderSignal({ films: r.films, allMoods: r.allMoods, ...tests(config, 'orderShuffles', 'orderSignal') }),
      summary.order,
    )
    .stage(
      'trends',
      (r) => filmTrends({ films: r.films, allMoods: r.allMoods, ...tests(config, 'trendShuffles', 'trends') }),
      summary.trends,
    )
    .stage('shapes', (r) => filmShapes(shapesInput(r.films, r.refit, config)), summary.shapes)
    .stage(
      'levels',
      (r) => filmLevels({ films: r.films, resamples: resamples(r.films, config), seed: config.seeds.levels }),
      summary.levels,
    )
    .stage(
      'lineup',
      (r) => buildLineup({ films: r.films, steps: config.steps, size: config.lineupSize, seed: config.seeds.lineup }),
      summary.lineup,
    )
    .stage('study', (r) => compareWithStudy({ study: r.inputs.studyResults, ...r.clusters }), summary.study)
    .stage(
      'replication',
      (r) => replicate({ features: r.features.films, study: r.inputs.studyResults, ...r.clusters, config }),
      summary.replication,
    )
    .stage('sensitivity', (r) => otherScalingAgreement(r.arcs, r.features, r.clusters, config), summary.sensitivity)
    .stage('map', (r) => r.mapJob.join(), summary.map)
    .stage('storyFilms', (r) => storyFilms(storyFilmsInput(r, config)), summary.storyFilms)
    .stage(
      'profiles',
      (r) => profileFilms({ films: r.storyFilms, clusters: r.clusters, stability: r.stability, study: r.study }),
      summary.profiles,
    )
    .stage('calibration', (r) => r.calibrationJob.join(r), summary.calibration)
    .stageIf(
      (r) => simulatesClustering(r.refit, config),
      'power',
      (r) => powerStage(r.refit, r.clusters, config),
      summary.power,
    )
    .stage('export', (r) => exportStory(exportInput(r, config)), summary.story).results;
  return { story, timings, listedTracks: new Map(soundtracks.soundtracks.map((s) => [s.film.imdbId, s.soundtrack.tracks.length])) };
}

type Arcs = ReturnType<typeof buildArcs>;

const arcOptions = (config: MethodConfig) => ({
  steps: config.steps,
  scaling: config.arcScaling,
  minFeaturedTracks: config.minFeaturedTracks,
});

/** A per-film shuffle test's settings: its number of shuffles, its seed and the significance level. */
const tests = (config: MethodConfig, shuffles: 'orderShuffles' | 'trendShuffles', seed: 'orderSignal' | 'trends') => ({
  shuffles: config[shuffles],
  seed: config.seeds[seed],
  significance: config.significance,
});

const resamples = (films: unknown[], config: MethodConfig) => drawsFor(films.length, config.levelResamples, config);

/** Each clustered film, in clustering order, as the per-film tests read it: its songs, their moods and places, its runs and valence arc. */
function clusteredFilms(arcs: Arcs, reduction: Reduction, runs: number[][]) {
  return reduction.rows.map((row, i) => {
    const samples = arcs.samples[row];
    return {
      imdbId: reduction.imdbIds[i],
      samples,
      songs: samples,
      moods: samples.map((s) => s.mood),
      places: samples.map((s) => s.t),
      runs: runs[row],
      valence: arcs.arcs[row].points!.map((p) => p.valence),
    };
  });
}

function shapesInput(films: ReturnType<typeof clusteredFilms>, refit: RefitInput, config: MethodConfig) {
  return {
    films,
    steps: config.steps,
    globalRange: refit.globalRange,
    shuffles: config.shapeShuffles,
    minCorrelation: config.shapeMinCorrelation,
    seed: config.seeds.shapes,
    significance: config.significance,
  };
}

interface Made {
  inputs: PipelineInputs;
  soundtracks: SoundtracksResult;
  credits: CreditsResult;
  genres: GenresResult;
  features: FeaturesResult;
  arcs: Arcs;
  clusters: ClusterResult;
  runs: number[][];
  nullModel: NullModel;
  stability: Stability;
  order: OrderSignal;
  trends: { imdbId: string; trend: FilmTrend }[];
  shapes: FilmShapeResult[];
  levels: Levels;
  lineup: Lineup | null;
  study: StudyComparison;
  replication: Replication;
  sensitivity: number;
  map: MapResult;
}

function storyFilmsInput(r: Made, config: MethodConfig): StoryFilmsInput {
  return {
    soundtracks: r.soundtracks.soundtracks,
    features: r.features.films,
    arcs: r.arcs.arcs,
    clusters: r.clusters,
    stability: r.stability,
    orderSignal: r.order,
    trends: r.trends,
    shapes: r.shapes,
    studyResults: r.inputs.studyResults,
    map: r.map,
    featureRanges: r.arcs.globalRange,
    runs: r.runs,
    extrapolated: r.arcs.samples.map(extrapolatedShare),
    config,
  };
}

/** Made last, once the stages before export have run: the simulations joined, the groups profiled. */
interface Joined {
  calibration: Calibration;
  power: Power | null;
  profiles: ReturnType<typeof profileFilms>;
}

function exportInput(r: Made & Joined, config: MethodConfig): ExportInput {
  const n = r.clusters.assignments.length;
  return {
    ...r.profiles,
    features: r.features.films,
    arcs: r.arcs.arcs,
    clusters: r.clusters,
    nullModel: r.nullModel,
    stability: r.stability,
    orderSignal: r.order,
    calibration: r.calibration,
    power: r.power,
    levels: r.levels,
    lineup: r.lineup,
    featureRanges: r.arcs.globalRange,
    replication: r.replication,
    study: r.study,
    levelPreservingAri: r.sensitivity,
    map: r.map,
    moodMap: sortedRecord(r.inputs.moodMap),
    artistGenres: r.inputs.artistGenres,
    unmappedTags: r.features.unmappedTags,
    unknownArtists: r.genres.unknownArtists,
    warnings: collectWarnings({ ...r, artistGenres: r.inputs.artistGenres }, config),
    config,
    draws: { nullModel: drawsFor(n, config.nullModelDraws, config), stability: drawsFor(n, config.stabilityResamples, config) },
  };
}
