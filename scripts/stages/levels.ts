/**
 * Stage: which soundtracks are loudest, happiest, fastest, most danceable? A film's level
 * is the mean of each feature over its songs with a mood, a finding that does not depend
 * on order. How sure each level and each ranking is comes from a bootstrap over the
 * film's artists: songs by one artist share one mood, so they are drawn together (a
 * cluster bootstrap), every film at once in each resample, and the films ranked in each.
 * A 95% interval for the level, another for the rank, and how often the film comes first
 * and last say which rankings survive resampling.
 */
import { quantileSorted } from 'd3-array';
import { drawSeed, FEATURES, type FeatureName } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { Levels, Mood } from '../schemas.ts';

export interface LevelsInput {
  /** Films with enough songs with moods to rank: each song's mood and artists key. */
  films: { imdbId: string; songs: { mood: Mood; artists: string }[] }[];
  resamples: number;
  seed: number;
}

/** Each film's songs grouped by artist: the units the bootstrap draws. */
function byArtist(songs: { mood: Mood; artists: string }[]): Mood[][] {
  const groups = new Map<string, Mood[]>();
  for (const song of songs) groups.set(song.artists, [...(groups.get(song.artists) ?? []), song.mood]);
  return [...groups.values()];
}

function meanOf(moods: Mood[], feature: FeatureName): number {
  return moods.reduce((s, m) => s + m[feature], 0) / Math.max(1, moods.length);
}

/** Ranks (1 = highest) of values; ties share the better rank. One sort, not a pass per value. */
export function ranks(values: ArrayLike<number>): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const out = new Array<number>(values.length);
  order.forEach((i, at) => {
    const previous = order[at - 1];
    out[i] = at > 0 && values[previous] - values[i] <= 1e-12 ? out[previous] : at + 1;
  });
  return out;
}

/** d3-array's quantile of sorted values (R-7, as numpy's default); its types ask for an array, it reads any array-like. */
const quantileOf = (sorted: Float64Array, q: number): number => quantileSorted(sorted as unknown as number[], q)!;

export function filmLevels(input: LevelsInput): Levels {
  const { films, resamples } = input;
  const groups = films.map((f) => byArtist(f.songs));
  const n = films.length;
  const drawn = FEATURES.map(() => Array.from({ length: n }, () => new Float64Array(resamples)));
  const drawnRanks = FEATURES.map(() => Array.from({ length: n }, () => new Float64Array(resamples)));
  const random = seededRandom(drawSeed(input.seed, 0));
  const sums = new Float64Array(FEATURES.length);
  for (let b = 0; b < resamples; b++) {
    groups.forEach((artists, f) => {
      sums.fill(0);
      let count = 0;
      for (let a = 0; a < artists.length; a++) {
        const moods = artists[Math.floor(random() * artists.length)];
        for (const m of moods) FEATURES.forEach((name, j) => (sums[j] += m[name]));
        count += moods.length;
      }
      FEATURES.forEach((_, j) => (drawn[j][f][b] = sums[j] / count));
    });
    FEATURES.forEach((_, j) => {
      const rank = ranks(drawn[j].map((values) => values[b]));
      rank.forEach((r, f) => (drawnRanks[j][f][b] = r));
    });
  }
  const realRanks = FEATURES.map((name) =>
    ranks(
      films.map((f) =>
        meanOf(
          f.songs.map((s) => s.mood),
          name,
        ),
      ),
    ),
  );
  return {
    resamples,
    films: films.map((film, f) => ({
      imdbId: film.imdbId,
      artists: groups[f].length,
      features: Object.fromEntries(
        FEATURES.map((name, j) => {
          const values = drawn[j][f].slice().sort();
          const rankValues = drawnRanks[j][f].slice().sort();
          return [
            name,
            {
              mean: meanOf(
                film.songs.map((s) => s.mood),
                name,
              ),
              low: quantileOf(values, 0.025),
              high: quantileOf(values, 0.975),
              rank: realRanks[j][f],
              rankLow: quantileOf(rankValues, 0.025),
              rankHigh: quantileOf(rankValues, 0.975),
              firstShare: drawnRanks[j][f].filter((r) => r === 1).length / Math.max(1, resamples),
              lastShare: drawnRanks[j][f].filter((r) => r === n).length / Math.max(1, resamples),
            },
          ];
        }),
      ) as Levels['films'][number]['features'],
    })),
  };
}
