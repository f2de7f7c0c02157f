/**
 * The stages in order, on inputs already in memory: pure given the inputs and the
 * method's settings (the log and the timings aside). `runPipeline` (run.ts) feeds it
 * data/; the benchmark, synthetic catalogues.
 */
import { defaultConfig, drawsFor, FEATURES, restartsFor, type MethodConfig } from '../config.ts';
import type { Mood, Story } from '../schemas.ts';
import type { PipelineInputs } from './inputs.ts';
import { missingCount, thinFilmWarnings } from './warnings.ts';
import { adjustedRandIndex } from '../lib/cluster-metrics.ts';
import { buildArcs, extrapolatedShare } from '../stages/arcs.ts';
import { runLengths } from '../stages/blocks.ts';
import { CALIBRATION_WIDTH, summariseCalibration } from '../stages/calibration.ts';
import { POWER_WIDTH, summarisePower } from '../stages/power.ts';
import { replicate } from '../stages/replication.ts';
import { filmLevels } from '../stages/levels.ts';
import { buildLineup } from '../stages/lineup.ts';
import { filmTrends } from '../stages/trends.ts';
import { bestKMeans, clusterArcs } from '../stages/clusters.ts';
import { nullModelWidth, summariseNullModel } from '../stages/null-model.ts';
import { featureScale, orderSignal } from '../stages/order-signal.ts';
import { reduceArcs } from '../stages/reduce.ts';
import { prepareResampling, runJob, threadsFor } from '../threads/resampling.ts';
import { filmShapes } from '../stages/shapes.ts';
import { summariseStability } from '../stages/stability.ts';
import { compareWithStudy } from '../stages/study-comparison.ts';
import { creditTracks } from '../stages/credits.ts';
import { exportStory } from '../stages/export.ts';
import { inferFeatures } from '../stages/features.ts';
import { tagGenres } from '../stages/genres.ts';
import { startMap } from '../threads/map.ts';
import { loadSoundtracks } from '../stages/soundtracks.ts';

export interface StageTiming {
  stage: string;
  ms: number;
  summary: string;
  /** Peak resident memory seen at the end of the stage, in bytes. */
  rss: number;
}

export type Log = (line: string) => void;

function timed<T>(timings: StageTiming[], log: Log, stage: string, run: () => T, summarise: (value: T) => string): T {
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const summary = summarise(value);
  timings.push({ stage, ms, summary, rss: process.memoryUsage().rss });
  log(`  ${stage.padEnd(12)} ${summary.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
  return value;
}

export interface Analysis {
  story: Story;
  timings: StageTiming[];
  /** Entries each film's snapshot lists, as the soundtracks stage read them (for the invariants). */
  listedTracks: Map<string, number>;
}

export function analyse(inputs: PipelineInputs, config: MethodConfig = defaultConfig, log: Log = () => {}): Analysis {
  const timings: StageTiming[] = [];
  const warnings: string[] = [];
  const { films } = inputs;
  // The resampling worker loads its modules while the stages before resampling run.
  prepareResampling(threadsFor(config), films.length * drawsFor(films.length, config.nullModelDraws, config));
  const loaded = timed(
    timings,
    log,
    'soundtracks',
    () => loadSoundtracks(films, inputs.snapshots),
    (r) =>
      `${r.soundtracks.filter((x) => !x.missing).length} soundtracks${missingCount(r.soundtracks)}, ${r.soundtracks.reduce((s, x) => s + x.soundtrack.tracks.length, 0)} entries`,
  );
  warnings.push(...loaded.warnings);
  const credited = timed(
    timings,
    log,
    'credits',
    () => creditTracks(loaded.soundtracks, Object.keys(inputs.artistGenres.artists)),
    (r) => {
      const tracks = r.films.flatMap((f) => f.tracks);
      return `${tracks.filter((t) => t.performers.length).length} of ${tracks.length} entries with a performer`;
    },
  );
  warnings.push(...credited.warnings);
  const genred = timed(
    timings,
    log,
    'genres',
    () => tagGenres(credited.films, inputs.artistGenres),
    (r) => {
      const tracks = r.films.flatMap((f) => f.tracks);
      return `${tracks.filter((t) => t.genres.length).length} entries with genres, ${r.unknownArtists.length} artists unknown`;
    },
  );
  const featured = timed(
    timings,
    log,
    'features',
    () => inferFeatures(genred.films, inputs.moodMap),
    (r) => {
      const tracks = r.films.flatMap((f) => f.tracks);
      return `${tracks.filter((t) => t.features).length} entries with mood features, ${Object.keys(r.unmappedTags).length} tags unmapped`;
    },
  );
  if (Object.keys(featured.unmappedTags).length) {
    warnings.push(
      `genre tags not in the genre→mood map (they add no features): ${Object.entries(featured.unmappedTags)
        .map(([t, n]) => `${t} (${n})`)
        .join(', ')}`,
    );
  }
  const arcs = timed(
    timings,
    log,
    'arcs',
    () => buildArcs(featured.films, { steps: config.steps, scaling: config.arcScaling, minFeaturedTracks: config.minFeaturedTracks }),
    (r) => {
      const thin = r.arcs.filter((a) => a.flags.length).length;
      return `${r.arcs.filter((a) => a.vector).length} arcs of ${config.steps} steps (${config.arcScaling}), ${thin} films set apart`;
    },
  );
  warnings.push(
    ...thinFilmWarnings({
      arcs: arcs.arcs,
      soundtracks: loaded.soundtracks,
      tracks: featured.films,
      artistGenres: inputs.artistGenres,
      minFeaturedTracks: config.minFeaturedTracks,
    }),
  );
  const reduction = timed(
    timings,
    log,
    'reduce',
    () => reduceArcs(arcs.arcs, config),
    (r) => `${r.imdbIds.length} arcs standardised (${r.unclustered.length} films set apart), ${r.fit.components} principal components kept`,
  );
  // The map needs only the PCA scores: it starts now, on a worker thread for large catalogues.
  const mapJob = startMap(reduction.imdbIds, reduction.scores, reduction.pca2d, config);
  const clusters = timed(
    timings,
    log,
    'clusters',
    () => clusterArcs(reduction, config),
    (r) => `k=${r.k} on ${r.assignments.length} films, silhouette ${r.kEvidence.find((e) => e.k === r.k)?.silhouette.toFixed(3) ?? '–'}`,
  );
  const labels = clusters.assignments.map((a) => a.cluster);
  const clusteredSamples = reduction.rows.map((row) => arcs.samples[row]);
  const runs = arcs.samples.map((samples) => runLengths(samples.map((s) => s.artists)));
  const clusteredRuns = reduction.rows.map((row) => runs[row]);
  // Per-film scaling rescales each rebuilt arc to its own range; level-preserving keeps the dataset's.
  const refit = {
    samples: clusteredSamples,
    runs: clusteredRuns,
    steps: config.steps,
    globalRange: config.arcScaling === 'level-preserving' ? arcs.globalRange : null,
    varianceTarget: config.pcaVarianceTarget,
    restarts: restartsFor(reduction.imdbIds.length, config),
    kmeansSeed: config.seeds.kmeans,
    maxIterations: config.kmeansMaxIterations,
  };
  const n = reduction.imdbIds.length;
  const threads = threadsFor(config);
  const kValues = clusters.kEvidence.map((e) => e.k);
  const nullDraws = drawsFor(n, config.nullModelDraws, config);
  // How many draws the second thread computed, for the log.
  let nullOnWorker = 0;
  let stabilityOnWorker = 0;
  const onWorker = (draws: number, total: number) => (draws ? ` (${draws} of ${total} on the second thread)` : '');
  const nullModel = timed(
    timings,
    log,
    'null-model',
    () => {
      const input = { ...refit, kValues, k: clusters.k, seed: config.seeds.nullModel };
      const { values: draws, workerDraws } = runJob('null-model', input, nullDraws, nullModelWidth(input), threads);
      nullOnWorker = workerDraws;
      return summariseNullModel({
        kValues,
        k: clusters.k,
        realSilhouettes: clusters.kEvidence.map((e) => e.silhouette),
        draws,
        drawCount: nullDraws,
        wantedDraws: config.nullModelDraws,
        significance: config.significance,
      });
    },
    (r) =>
      `${r.draws} run-reordering draws${onWorker(nullOnWorker, r.draws)}, k=${r.verdict.chosenK}: p=${r.verdict.chosenP.toFixed(3)} (single songs: ${r.songLevel?.p.toFixed(3) ?? '–'})`,
  );
  const stabilityCount = drawsFor(n, config.stabilityResamples, config);
  const stability = timed(
    timings,
    log,
    'stability',
    () => {
      const { values: resamples, workerDraws } = runJob(
        'stability',
        { ...refit, k: clusters.k, seed: config.seeds.stability },
        stabilityCount,
        n,
        threads,
      );
      stabilityOnWorker = workerDraws;
      return summariseStability({
        imdbIds: reduction.imdbIds,
        labels,
        k: clusters.k,
        resamples,
        resampleCount: stabilityCount,
        wantedResamples: config.stabilityResamples,
        thresholds: config.jaccard,
        baselineDraws: config.stabilityBaselineDraws,
        seed: config.seeds.stability + 1,
      });
    },
    (r) =>
      `${r.resamples} refitted resamples${onWorker(stabilityOnWorker, r.resamples)}, Jaccard ${r.archetypes.map((a) => `${a.jaccard.toFixed(2)}/${a.baseline.p95.toFixed(2)}`).join(' ')} (own/chance 95th pct)`,
  );
  const moodsOf = (row: number) => arcs.samples[row].map((s) => s.mood);
  const allMoods = arcs.samples.flat().map((s) => s.mood);
  const order = timed(
    timings,
    log,
    'order',
    () =>
      orderSignal({
        films: reduction.rows.map((row, i) => ({ imdbId: reduction.imdbIds[i], moods: moodsOf(row), runs: runs[row] })),
        allMoods,
        shuffles: config.orderShuffles,
        seed: config.seeds.orderSignal,
        significance: config.significance,
      }),
    (r) =>
      `${r.overall.filmsBelowSignificance} of ${r.overall.filmsTested} films smoother than run reorderings (single songs: ${r.songLevel.filmsBelowSignificance}), pooled p=${r.overall.p.toFixed(3)}`,
  );
  const trends = timed(
    timings,
    log,
    'trends',
    () =>
      filmTrends({
        films: reduction.rows.map((row, i) => ({
          imdbId: reduction.imdbIds[i],
          places: arcs.samples[row].map((s) => s.t),
          moods: moodsOf(row),
          runs: runs[row],
        })),
        allMoods,
        shuffles: config.trendShuffles,
        seed: config.seeds.trends,
        significance: config.significance,
      }),
    (r) =>
      `${r.reduce((s, f) => s + FEATURES.filter((x) => f.trend[x].word !== 'no-trend').length, 0)} of ${r.length * FEATURES.length} film trends beyond chance`,
  );
  const shapes = timed(
    timings,
    log,
    'shapes',
    () =>
      filmShapes({
        films: reduction.rows.map((row, i) => ({
          imdbId: reduction.imdbIds[i],
          samples: arcs.samples[row],
          runs: runs[row],
          valence: arcs.arcs[row].points!.map((p) => p.valence),
        })),
        steps: config.steps,
        globalRange: refit.globalRange,
        shuffles: config.shapeShuffles,
        minCorrelation: config.shapeMinCorrelation,
        seed: config.seeds.shapes,
        significance: config.significance,
      }),
    (r) =>
      `${r.filter((s) => s.beyondChance).length} of ${r.length} films with a shape beyond chance (${r.filter((s) => s.shape !== 'no-clear-shape').length} closest to one)`,
  );
  const testSettings = { ...refit, k: clusters.k, significance: config.significance, draws: nullDraws };
  const simulateClustering = n <= config.simulationMaxFilms;
  const worlds = drawsFor(n, config.calibrationWorlds, { ...config, minResamplingDraws: 10 });
  const calibration = timed(
    timings,
    log,
    'calibration',
    () => {
      const input = {
        ...testSettings,
        imdbIds: reduction.imdbIds,
        zScale: featureScale(allMoods),
        orderShuffles: config.orderShuffles,
        trendShuffles: config.trendShuffles,
        shapeShuffles: config.shapeShuffles,
        shapeMinCorrelation: config.shapeMinCorrelation,
        withdrawnDraws: config.calibrationWithdrawnDraws,
        withClustering: simulateClustering,
        seed: config.seeds.calibration,
      };
      const { values } = runJob('calibration', input, worlds, CALIBRATION_WIDTH, threads);
      const below = (p: number) => (p < config.significance ? 1 : 0);
      const observed = {
        clustering: below(nullModel.verdict.chosenP),
        'order-within-films': order.overall.filmsBelowSignificance,
        'order-pooled': below(order.overall.p),
        trend: trends.reduce((n, f) => n + FEATURES.filter((x) => f.trend[x].word !== 'no-trend').length, 0),
        shape: shapes.filter((x) => x.beyondChance).length,
        'order-within-films-songs': order.songLevel.filmsBelowSignificance,
        'order-pooled-songs': below(order.songLevel.p),
      };
      return summariseCalibration(
        values,
        worlds,
        config.significance,
        ['order-within-films-songs', 'order-pooled-songs', 'archetype-spread'],
        simulateClustering ? observed : { ...observed, clustering: undefined },
      );
    },
    (r) => `${r.worlds} worlds without order: ${r.tests.map((t) => `${t.id} ${(100 * t.rejectionRate).toFixed(1)}%`).join(', ')}`,
  );
  const power = !simulateClustering
    ? null
    : timed(
        timings,
        log,
        'power',
        () => {
          const strengths = config.powerStrengths;
          const input = {
            ...testSettings,
            draws: Math.min(nullDraws, config.powerDraws),
            strengths,
            worldsPerStrength: config.powerWorldsPerStrength,
            noise: withinFilmNoise(clusteredSamples),
            seed: config.seeds.power,
          };
          const { values } = runJob('power', input, strengths.length * input.worldsPerStrength, POWER_WIDTH, threads);
          return summarisePower(values, input);
        },
        (r) =>
          `planted shapes caught ${r.curve.map((c) => `${(100 * c.detection).toFixed(0)}%`).join(' ')} at strengths ${r.curve.map((c) => c.strength).join(' ')}`,
      );
  const levels = timed(
    timings,
    log,
    'levels',
    () =>
      filmLevels({
        films: reduction.rows.map((row, i) => ({ imdbId: reduction.imdbIds[i], songs: arcs.samples[row] })),
        resamples: drawsFor(n, config.levelResamples, config),
        seed: config.seeds.levels,
      }),
    (r) => `${r.films.length} films' levels, ${r.resamples} resamples of their artists`,
  );
  const lineup = timed(
    timings,
    log,
    'lineup',
    () =>
      buildLineup({
        films: reduction.rows.map((row, i) => ({ imdbId: reduction.imdbIds[i], samples: arcs.samples[row], runs: runs[row] })),
        steps: config.steps,
        size: config.lineupSize,
        seed: config.seeds.lineup,
      }),
    (r) => (r ? `${r.imdbId}'s real arc among ${r.arcs.length - 1} reorderings of its ${r.runs} runs` : 'no film'),
  );
  const study = timed(
    timings,
    log,
    'study',
    () => compareWithStudy({ study: inputs.studyResults, assignments: clusters.assignments, k: clusters.k }),
    (r) => `adjusted Rand index with the study ${r.ari.toFixed(3)} over ${r.films} films`,
  );
  const replication = timed(
    timings,
    log,
    'replication',
    () =>
      replicate({
        features: featured.films,
        study: inputs.studyResults,
        assignments: clusters.assignments,
        components: clusters.components,
        config,
      }),
    (r) =>
      `with the study's settings on this data: adjusted Rand index ${r.agreement.studySettings.ari.toFixed(3)} over ${r.agreement.studySettings.films} films`,
  );
  // Sensitivity: the archetypes level-preserving arcs would give, against the published ones.
  // The arcs stage already drew every film's level-preserving arc; only KMeans at k is needed.
  const levelPreservingAri = (() => {
    const otherArcs =
      config.arcScaling === 'per-film'
        ? arcs.arcs.map((arc) => ({
            ...arc,
            vector: arc.vector && arc.levelPoints ? FEATURES.flatMap((f) => arc.levelPoints!.map((p) => p[f])) : null,
          }))
        : buildArcs(featured.films, { steps: config.steps, scaling: 'per-film', minFeaturedTracks: config.minFeaturedTracks }).arcs;
    const other = reduceArcs(otherArcs, config);
    const fit = bestKMeans(
      other.scores,
      clusters.k,
      restartsFor(other.imdbIds.length, config),
      config.seeds.kmeans,
      config.kmeansMaxIterations,
    );
    return adjustedRandIndex(labels, fit.labels);
  })();
  const map = timed(
    timings,
    log,
    'map',
    () => mapJob.join(),
    (r) => `${r.points.length} films placed by ${r.method}, perplexity ${r.perplexity.toFixed(2)}`,
  );
  const story = timed(
    timings,
    log,
    'export',
    () =>
      exportStory({
        soundtracks: loaded.soundtracks,
        features: featured.films,
        arcs: arcs.arcs,
        clusters,
        nullModel,
        stability,
        orderSignal: order,
        trends,
        shapes,
        calibration,
        power,
        levels,
        lineup,
        featureRanges: arcs.globalRange,
        replication,
        runs,
        extrapolated: arcs.samples.map(extrapolatedShare),
        study,
        studyResults: inputs.studyResults,
        levelPreservingAri,
        map,
        moodMap: sortedRecord(inputs.moodMap),
        artistGenres: inputs.artistGenres,
        unmappedTags: featured.unmappedTags,
        unknownArtists: genred.unknownArtists,
        warnings,
        config,
        draws: { nullModel: nullDraws, stability: stabilityCount },
      }),
    (s) => `story of ${s.films.length} films, ${s.archetypes.length} archetypes`,
  );
  return { story, timings, listedTracks: new Map(loaded.soundtracks.map((s) => [s.film.imdbId, s.soundtrack.tracks.length])) };
}

/** Each feature's standard deviation over songs within films, pooled: the noise a planted arc's strength is measured in. */
function withinFilmNoise(samples: { mood: Mood }[][]): Mood {
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

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
