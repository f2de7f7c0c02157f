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
import { shuffleInto } from './arcs.ts';
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
  const slopesOf = runOrderSlopes(places, z, runs);
  const runOrder = Int32Array.from(runs, (_, r) => r);
  // Copied: the next draw writes over what slopesOf returns.
  const realDrawn = Float64Array.from(slopesOf(runOrder));
  const extreme = new Int32Array(FEATURES.length);
  for (let s = 0; s < shuffles; s++) {
    // The runs' order, drawn as blockShuffleInto draws it.
    const drawn = slopesOf(shuffleInto(runOrder, runs.length, random));
    for (let f = 0; f < FEATURES.length; f++) if (Math.abs(drawn[f]) >= Math.abs(realDrawn[f]) - 1e-12) extreme[f]++;
  }
  return Object.fromEntries(
    FEATURES.map((f, i) => {
      const p = (1 + extreme[i]) / (1 + shuffles);
      return [f, { slope: real[i], p, word: trendWord(real[i], p, significance) }];
    }),
  ) as FilmTrend;
}

/**
 * The four slopes of a film's songs with its runs in a given order, in one pass. The
 * places and the mean of each feature do not change with the order, so a draw needs
 * only Σ (x − x̄)·y: the same slope as `slope`, to rounding.
 */
function runOrderSlopes(places: number[], z: Float64Array[], runs: readonly number[]): (runOrder: Int32Array) => Float64Array {
  const m = places.length;
  const mean = places.reduce((s, x) => s + x, 0) / Math.max(1, m);
  const dx = Float64Array.from(places, (x) => x - mean);
  const sxx = dx.reduce((s, v) => s + v * v, 0);
  const scale = sxx > 0 ? 1 / sxx : 0;
  // Songs × features, so a song's four values sit together.
  const rows = new Float64Array(m * 4);
  z.forEach((ys, f) => ys.forEach((y, i) => (rows[i * 4 + f] = y)));
  const starts = new Int32Array(runs.length);
  for (let r = 1; r < runs.length; r++) starts[r] = starts[r - 1] + runs[r - 1];
  const out = new Float64Array(4);
  return (runOrder) => {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0, at = 0; k < runOrder.length; k++) {
      const run = runOrder[k];
      for (let o = starts[run] * 4, end = o + runs[run] * 4; o < end; o += 4, at++) {
        const w = dx[at];
        s0 += w * rows[o];
        s1 += w * rows[o + 1];
        s2 += w * rows[o + 2];
        s3 += w * rows[o + 3];
      }
    }
    out[0] = s0 * scale;
    out[1] = s1 * scale;
    out[2] = s2 * scale;
    out[3] = s3 * scale;
    return out;
  };
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
