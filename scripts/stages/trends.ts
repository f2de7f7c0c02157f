/**
 * Stage: does a feature rise or fall over a film? One measure for every word the site
 * says about it (captions, tables, the claim check, descriptions): the least-squares
 * slope of the feature (as a z-score over all songs) on the songs' places (0 = first
 * entry, 1 = last), in standard deviations over the whole listing, with a two-sided p
 * from reorderings that move whole artist runs, as every order test here does. A
 * feature "rises" or "falls" only when p is below the significance level; otherwise it
 * has no clear trend, which is not the same as being flat.
 */
import { drawSeed, FEATURES, type FeatureName } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { FilmTrend, Mood, TrendWord } from '../schemas.ts';
import { blockShuffleInto, runBuffers } from './blocks.ts';
import { featureScale } from './order-signal.ts';

export interface TrendsInput {
  /** Each clustered film's featured songs (place, mood) in order, and its artist runs. */
  films: { imdbId: string; places: number[]; moods: Mood[]; runs: number[] }[];
  /** Every featured song of every film: the z-scores' reference. */
  allMoods: Mood[];
  shuffles: number;
  seed: number;
  significance: number;
}

/** Least-squares slope of ys[order[i]] on xs[i]; 0 when the places do not vary. */
export function slope(xs: ArrayLike<number>, ys: ArrayLike<number>, order: ArrayLike<number>, count: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < count; i++) {
    mx += xs[i];
    my += ys[order[i]];
  }
  mx /= count;
  my /= count;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < count; i++) {
    sxy += (xs[i] - mx) * (ys[order[i]] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

export function trendWord(slopeValue: number, p: number, significance: number): TrendWord {
  if (p >= significance) return 'no-trend';
  return slopeValue > 0 ? 'rising' : 'falling';
}

/** One film's trend per feature: slope in standard deviations, two-sided p over run reorderings. */
export function filmTrend(
  { places, z, runs }: { places: number[]; z: Float64Array[]; runs: readonly number[] },
  { shuffles, significance }: { shuffles: number; significance: number },
  random: () => number,
): FilmTrend {
  const m = places.length;
  const identity = Int32Array.from({ length: m }, (_, i) => i);
  const real = z.map((ys) => slope(places, ys, identity, m));
  const extreme = new Int32Array(FEATURES.length);
  const order = new Int32Array(m);
  const buffers = runBuffers(runs.length);
  for (let s = 0; s < shuffles; s++) {
    blockShuffleInto(order, runs, random, buffers);
    z.forEach((ys, f) => {
      if (Math.abs(slope(places, ys, order, m)) >= Math.abs(real[f]) - 1e-12) extreme[f]++;
    });
  }
  return Object.fromEntries(
    FEATURES.map((f, i) => {
      const p = (1 + extreme[i]) / (1 + shuffles);
      return [f, { slope: real[i], p, word: trendWord(real[i], p, significance) }];
    }),
  ) as FilmTrend;
}

export function filmTrends(input: TrendsInput): { imdbId: string; trend: FilmTrend }[] {
  const scale = featureScale(input.allMoods);
  return input.films.map(({ imdbId, places, moods, runs }, f) => {
    const z = FEATURES.map((name: FeatureName, j) =>
      Float64Array.from(moods, (mood) => (scale.sd[j] > 0 ? (mood[name] - scale.mean[j]) / scale.sd[j] : 0)),
    );
    return { imdbId, trend: filmTrend({ places, z, runs }, input, seededRandom(drawSeed(input.seed, f))) };
  });
}
