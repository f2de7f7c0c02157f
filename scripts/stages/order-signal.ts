/**
 * Stage 11: is a film's song order smoother than chance? For each clustered film, the
 * mean absolute change between consecutive featured songs (the four features as z-scores
 * over every featured track of every film, so tempo weighs like the others) against the
 * same statistic over seeded shuffles of that film's songs. order_p is the share of
 * orders, the real one counted among them, whose change is at most the real one: small
 * when neighbouring songs are more alike than chance orders make them. Over all films,
 * the mean ratio of real to shuffled change is tested the same way.
 */
import { drawSeed, FEATURES } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { Mood, OrderSignal } from '../schemas.ts';
import { shuffleInto } from './arcs.ts';

export interface OrderSignalInput {
  /** Featured moods of each film, in place order; only films that are clustered. */
  films: { imdbId: string; moods: Mood[] }[];
  /** Every featured track of every film: the z-scores' reference. */
  allMoods: Mood[];
  shuffles: number;
  seed: number;
  significance: number;
}

/** Means and population standard deviations of the four features over the given moods. */
export function featureScale(moods: Mood[]): { mean: number[]; sd: number[] } {
  const mean = FEATURES.map((f) => moods.reduce((s, m) => s + m[f], 0) / Math.max(1, moods.length));
  const sd = FEATURES.map((f, i) => Math.sqrt(moods.reduce((s, m) => s + (m[f] - mean[i]) ** 2, 0) / Math.max(1, moods.length)));
  return { mean, sd };
}

/** z-scored rows (songs × 4), flat. */
export function zScores(moods: Mood[], scale: { mean: number[]; sd: number[] }): Float64Array {
  const out = new Float64Array(moods.length * 4);
  moods.forEach((m, i) => FEATURES.forEach((f, j) => (out[i * 4 + j] = scale.sd[j] > 0 ? (m[f] - scale.mean[j]) / scale.sd[j] : 0)));
  return out;
}

/** Mean over consecutive pairs (in `order`) of the mean absolute change of the four z-scores. */
export function meanChange(z: Float64Array, order: ArrayLike<number>, count: number): number {
  if (count < 2) return 0;
  let total = 0;
  for (let i = 1; i < count; i++) {
    const a = order[i - 1] * 4;
    const b = order[i] * 4;
    for (let j = 0; j < 4; j++) total += Math.abs(z[b + j] - z[a + j]);
  }
  return total / (4 * (count - 1));
}

export function orderSignal(input: OrderSignalInput): OrderSignal {
  const scale = featureScale(input.allMoods);
  const n = input.films.length;
  const shuffledMeans: number[] = [];
  const ratioDraws = new Float64Array(input.shuffles);
  const films = input.films.map(({ imdbId, moods }, f) => {
    const m = moods.length;
    const z = zScores(moods, scale);
    const identity = Int32Array.from({ length: m }, (_, i) => i);
    const real = meanChange(z, identity, m);
    const random = seededRandom(drawSeed(input.seed, f));
    const order = new Int32Array(m);
    const draws = new Float64Array(input.shuffles);
    let atMost = 0;
    for (let s = 0; s < input.shuffles; s++) {
      draws[s] = meanChange(z, shuffleInto(order, m, random), m);
      if (draws[s] <= real + 1e-12) atMost++;
    }
    const shuffledMean = draws.reduce((s, v) => s + v, 0) / Math.max(1, input.shuffles);
    shuffledMeans.push(shuffledMean);
    for (let s = 0; s < input.shuffles; s++) ratioDraws[s] += shuffledMean > 0 ? draws[s] / shuffledMean / n : 1 / n;
    return {
      imdbId,
      songs: m,
      change: real,
      shuffledChange: shuffledMean,
      orderP: (1 + atMost) / (1 + input.shuffles),
      // "More alike than in X% of random orders": the shuffles whose change is larger.
      smootherThan: 1 - atMost / Math.max(1, input.shuffles),
    };
  });
  const realRatio = films.reduce((s, f, i) => s + (shuffledMeans[i] > 0 ? f.change / shuffledMeans[i] : 1), 0) / Math.max(1, n);
  let atMost = 0;
  for (let s = 0; s < input.shuffles; s++) if (ratioDraws[s] <= realRatio + 1e-12) atMost++;
  const below = films.filter((f) => f.orderP < input.significance).length;
  return {
    shuffles: input.shuffles,
    films,
    overall: {
      ratio: realRatio,
      p: (1 + atMost) / (1 + input.shuffles),
      filmsBelowSignificance: below,
      expectedByChance: input.significance * n,
    },
  };
}
