/**
 * Stage: is each published test calibrated? A p below 0.05 should happen about 5% of the
 * time where the effect it tests is absent. Each world here is one where song order
 * carries nothing by construction (simulation.ts: every film's artist runs in a random
 * order, with the real films, places, moods, missing moods and runs), and every test the
 * site publishes is run in it exactly as on the real data. Its rejection rate over the
 * worlds, with its Monte Carlo error, is what the test's "p < 0.05" is worth. The two
 * withdrawn tests are run too, to show why they were withdrawn: single-song shuffles
 * (which break up artist runs) and the per-archetype spread test (whose groups were
 * chosen on the same order it then tested).
 */
import { drawSeed, FEATURES } from '../config.ts';
import { relativeSpread } from '../lib/cluster-metrics.ts';
import { seededRandom } from '../lib/random.ts';
import type { Calibration, CalibrationTestId, Mood } from '../schemas.ts';
import { arcFromSamples, featureRange } from './arcs.ts';
import { filmReorderings, pooledRatio, zScores, type Reordering } from './order-signal.ts';
import { filmShapes } from './shapes.ts';
import { clusteringTest, nullWorld, type Catalogue, type ClusteringTestSettings } from './simulation.ts';
import { filmTrend } from './trends.ts';

export interface CalibrationInput extends Catalogue, ClusteringTestSettings {
  imdbIds: string[];
  /** The z-scores' reference of the order and trend tests (every featured song's mood). */
  zScale: { mean: number[]; sd: number[] };
  orderShuffles: number;
  trendShuffles: number;
  shapeShuffles: number;
  shapeMinCorrelation: number;
  /** Draws of the withdrawn spread test in each world. */
  withdrawnDraws: number;
  /** Whether to run the tests that refit the clustering in every world (not above `simulationMaxFilms`). */
  withClustering: boolean;
  seed: number;
}

/** What one world records, in this order: per test, rejections then tests made. */
export const CALIBRATION_TESTS: { id: CalibrationTestId; unit: 'catalogue' | 'film' | 'film and feature' | 'archetype' }[] = [
  { id: 'clustering', unit: 'catalogue' },
  { id: 'order-within-films', unit: 'film' },
  { id: 'order-pooled', unit: 'catalogue' },
  { id: 'trend', unit: 'film and feature' },
  { id: 'shape', unit: 'film' },
  { id: 'order-within-films-songs', unit: 'film' },
  { id: 'order-pooled-songs', unit: 'catalogue' },
  { id: 'archetype-spread', unit: 'archetype' },
];
/** Values per world: rejections and tests of each test, then the clustering test's draws. */
export const CALIBRATION_WIDTH = 2 * CALIBRATION_TESTS.length + 1;

/** Worlds from…to−1, one row each. */
export function calibrationRunner(input: CalibrationInput): (from: number, to: number, out: Float64Array) => void {
  return (from, to, out) => {
    for (let w = from; w < to; w++) out.set(calibrationWorld(input, w), (w - from) * CALIBRATION_WIDTH);
  };
}

export function calibrationWorld(input: CalibrationInput, w: number): number[] {
  const world = nullWorld(input, seededRandom(drawSeed(input.seed, w)));
  const counts = new Map<CalibrationTestId, [number, number]>();
  const record = (id: CalibrationTestId, rejected: number, tested: number) => counts.set(id, [rejected, tested]);
  const draws = input.withClustering ? clusteringTests(world, input, w, record) : 0;
  orderTests(world, input, w, record);
  trendAndShapeTests(world, input, w, record);
  return [...CALIBRATION_TESTS.flatMap((t) => counts.get(t.id) ?? [0, 0]), draws];
}

type Recorder = (id: CalibrationTestId, rejected: number, tested: number) => void;

/** The clustering test, and the withdrawn spread test on the same draws with the world's groups held fixed. Returns the draws made. */
function clusteringTests(world: Catalogue, input: CalibrationInput, w: number, record: Recorder): number {
  const spreads: { rows: number[]; real: number; atMost: number }[] = [];
  const result = clusteringTest(world, input, drawSeed(input.seed + 1, w), {
    minDraws: input.withdrawnDraws,
    onFit: ({ scores, labels }) => {
      for (let g = 0; g < input.k; g++) {
        const rows = Array.from(labels).flatMap((l, i) => (l === g ? [i] : []));
        if (rows.length > 1) spreads.push({ rows, real: relativeSpread(scores, rows), atMost: 0 });
      }
    },
    onDraw: (scores, draw) => {
      if (draw >= input.withdrawnDraws) return;
      for (const group of spreads) if (relativeSpread(scores, group.rows) <= group.real + 1e-12) group.atMost++;
    },
  });
  record('clustering', result.reject ? 1 : 0, 1);
  record(
    'archetype-spread',
    spreads.filter((g) => (1 + g.atMost) / (1 + input.withdrawnDraws) < input.significance).length,
    spreads.length,
  );
  return Math.max(result.draws, input.withdrawnDraws);
}

function orderTests(world: Catalogue, input: CalibrationInput, w: number, record: Recorder): void {
  const z = world.samples.map((songs) =>
    zScores(
      songs.map((s) => s.mood),
      input.zScale,
    ),
  );
  const run = (reordering: Reordering, offset: number) => {
    const random = seededRandom(drawSeed(input.seed + offset, w));
    const films = z.map((zf, f) => filmReorderings(zf, world.runs[f], { reordering, shuffles: input.orderShuffles }, random));
    const tested = films.filter((_, f) => (reordering === 'blocks' ? world.runs[f].length > 1 : world.samples[f].length > 1));
    const rejected = films.filter((f) => (1 + f.atMost) / (1 + input.orderShuffles) < input.significance).length;
    return { rejected, tested: tested.length, pooled: pooledRatio(films, input.orderShuffles).p < input.significance ? 1 : 0 };
  };
  const blocks = run('blocks', 2);
  const songs = run('songs', 3);
  record('order-within-films', blocks.rejected, blocks.tested);
  record('order-pooled', blocks.pooled, 1);
  record('order-within-films-songs', songs.rejected, songs.tested);
  record('order-pooled-songs', songs.pooled, 1);
}

function trendAndShapeTests(world: Catalogue, input: CalibrationInput, w: number, record: Recorder): void {
  const random = seededRandom(drawSeed(input.seed + 4, w));
  let rising = 0;
  world.samples.forEach((songs, f) => {
    const z = FEATURES.map((name, j) => Float64Array.from(songs, (s) => zOf(s.mood, name, j, input.zScale)));
    const trend = filmTrend(
      { places: songs.map((s) => s.t), z, runs: world.runs[f] },
      { shuffles: input.trendShuffles, significance: input.significance },
      random,
    );
    rising += FEATURES.filter((name) => trend[name].word !== 'no-trend').length;
  });
  record('trend', rising, FEATURES.length * world.samples.length);
  const shapes = filmShapes({
    films: world.samples.map((samples, f) => ({
      imdbId: input.imdbIds[f],
      samples,
      runs: world.runs[f],
      valence: arcFromSamples(samples, input.steps, input.globalRange ?? featureRange(samples)).points.map((p) => p.valence),
    })),
    steps: input.steps,
    globalRange: input.globalRange,
    shuffles: input.shapeShuffles,
    minCorrelation: input.shapeMinCorrelation,
    seed: drawSeed(input.seed + 5, w),
    significance: input.significance,
  });
  record('shape', shapes.filter((s) => s.beyondChance).length, shapes.length);
}

function zOf(mood: Mood, name: (typeof FEATURES)[number], j: number, scale: { mean: number[]; sd: number[] }): number {
  return scale.sd[j] > 0 ? (mood[name] - scale.mean[j]) / scale.sd[j] : 0;
}

/**
 * Each test's rejection rate at the significance level over the worlds, with its Monte
 * Carlo error: the spread of the per-world rates over √worlds, since the films of one
 * world share that world.
 */
/**
 * `observed`: how many of the real data's tests said "beyond chance", per test; each is
 * then set against the worlds (the share of worlds with at least as many, the real count
 * counted: a p for the count itself, as "5 of 17 films" needs).
 */
export function summariseCalibration(
  rows: Float64Array,
  worlds: number,
  {
    significance,
    withdrawn,
    observed = {},
  }: { significance: number; withdrawn: readonly CalibrationTestId[]; observed?: Partial<Record<CalibrationTestId, number>> },
): Calibration {
  const tests = CALIBRATION_TESTS.flatMap((test, t) => {
    const perWorld: number[] = [];
    let rejected = 0;
    let tested = 0;
    for (let w = 0; w < worlds; w++) {
      const r = rows[w * CALIBRATION_WIDTH + 2 * t];
      const n = rows[w * CALIBRATION_WIDTH + 2 * t + 1];
      rejected += r;
      tested += n;
      if (n > 0) perWorld.push(r / n);
    }
    // A test not run in these worlds (the clustering tests of a large catalogue) is left out.
    if (tested === 0) return [];
    const rate = rejected / tested;
    const spread = perWorld.length > 1 ? Math.sqrt(perWorld.reduce((s, v) => s + (v - mean(perWorld)) ** 2, 0) / (perWorld.length - 1)) : 0;
    const real = observed[test.id];
    let asMany = 0;
    if (real !== undefined) for (let w = 0; w < worlds; w++) if (rows[w * CALIBRATION_WIDTH + 2 * t] >= real) asMany++;
    return [
      {
        id: test.id,
        unit: test.unit,
        worlds,
        tests: tested,
        rejectionRate: rate,
        error: perWorld.length > 0 ? spread / Math.sqrt(perWorld.length) : 0,
        withdrawn: withdrawn.includes(test.id),
        observed: real ?? null,
        countP: real === undefined ? null : (1 + asMany) / (1 + worlds),
      },
    ];
  });
  const drawsColumn = Array.from({ length: worlds }, (_, w) => rows[w * CALIBRATION_WIDTH + CALIBRATION_WIDTH - 1]);
  return { significance, worlds, tests, clusteringDraws: { mean: mean(drawsColumn), max: Math.max(0, ...drawsColumn) } };
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}
