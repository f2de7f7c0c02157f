/**
 * Is a film's song order smoother than chance? For each clustered film, the
 * mean absolute change between consecutive featured songs (the four features as z-scores
 * over every featured track of every film, so tempo weighs like the others) against the
 * same statistic over seeded reorderings of that film's songs. The reorderings move whole
 * artist runs (blocks.ts): shuffling single songs breaks up runs that mood-by-artist made
 * alike, and made order look smooth where it was not. order_p is the share of orders, the
 * real one counted among them, whose change is at most the real one. Over all films, the
 * mean ratio of real to reordered change is tested the same way. The song-level version
 * is kept beside it, for the record of what it said.
 */
import { drawSeed, FEATURES } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { Mood, OrderSignal } from '../schemas.ts';
import { shuffleInto } from './arcs.ts';

export interface OrderSignalInput {
  /** Featured moods of each film, in place order, and its artist runs; only films that are clustered. */
  films: { imdbId: string; moods: Mood[]; runs: number[] }[];
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

/** How songs are reordered: whole artist runs (the published test) or single songs (the withdrawn one). */
export type Reordering = 'blocks' | 'songs';

/** A film's change under `shuffles` seeded reorderings, and where its real change falls among them. */
export interface FilmReorderings {
  real: number;
  draws: Float64Array;
  /** Reorderings whose change is at most the real one. */
  atMost: number;
}

export function filmReorderings(
  z: Float64Array,
  runs: readonly number[],
  { reordering, shuffles }: { reordering: Reordering; shuffles: number },
  random: () => number,
): FilmReorderings {
  const m = z.length / 4;
  const real = meanChange(
    z,
    Int32Array.from({ length: m }, (_, i) => i),
    m,
  );
  // Single songs are runs of one.
  const drawChange = runOrderChange(z, reordering === 'blocks' ? runs : Array<number>(m).fill(1));
  const draws = new Float64Array(shuffles);
  let atMost = 0;
  for (let s = 0; s < shuffles; s++) {
    draws[s] = drawChange(random);
    if (draws[s] <= real + 1e-12) atMost++;
  }
  return { real, draws, atMost };
}

/** Every two songs' summed absolute change of the four z-scores, m × m: a draw then looks its pairs up. */
function pairChanges(z: Float64Array): Float64Array {
  const m = z.length / 4;
  const table = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let total = 0;
      for (let j = 0; j < 4; j++) total += Math.abs(z[b * 4 + j] - z[a * 4 + j]);
      table[a * m + b] = total;
    }
  }
  return table;
}

/**
 * The change of a random block permutation. Songs inside a run stay neighbours in every
 * permutation, so their part is summed once; a draw adds only the pairs where one run
 * meets the next: as many as runs, not songs. Draws what blockShuffleInto draws.
 */
function runOrderChange(z: Float64Array, runs: readonly number[]): (random: () => number) => number {
  const m = z.length / 4;
  if (m < 2) return () => 0;
  const table = pairChanges(z);
  const firsts = new Int32Array(runs.length);
  const lasts = new Int32Array(runs.length);
  let inside = 0;
  let at = 0;
  runs.forEach((length, r) => {
    firsts[r] = at;
    for (let s = at + 1; s < at + length; s++) inside += table[(s - 1) * m + s];
    at += length;
    lasts[r] = at - 1;
  });
  const order = new Int32Array(runs.length);
  return (random) => {
    shuffleInto(order, runs.length, random);
    let total = inside;
    for (let r = 1; r < runs.length; r++) total += table[lasts[order[r - 1]] * m + firsts[order[r]]];
    return total / (4 * (m - 1));
  };
}

/** The films taken together: the mean ratio of real to reordered change, and its p over joint reorderings. */
export function pooledRatio(films: FilmReorderings[], shuffles: number): { ratio: number; p: number } {
  const n = films.length;
  const means = films.map((f) => f.draws.reduce((s, v) => s + v, 0) / Math.max(1, shuffles));
  const ratio = films.reduce((s, f, i) => s + (means[i] > 0 ? f.real / means[i] : 1), 0) / Math.max(1, n);
  const ratioDraws = new Float64Array(shuffles);
  films.forEach((f, i) => {
    for (let s = 0; s < shuffles; s++) ratioDraws[s] += means[i] > 0 ? f.draws[s] / means[i] / n : 1 / n;
  });
  let atMost = 0;
  for (let s = 0; s < shuffles; s++) if (ratioDraws[s] <= ratio + 1e-12) atMost++;
  return { ratio, p: (1 + atMost) / (1 + shuffles) };
}

/** Both reorderings of every film, seeded per film and reordering so neither shifts the other. */
export function orderSignal(input: OrderSignalInput): OrderSignal {
  const scale = featureScale(input.allMoods);
  const { shuffles, significance } = input;
  const run = (reordering: Reordering, offset: number) =>
    input.films.map(({ moods, runs }, f) =>
      filmReorderings(zScores(moods, scale), runs, { reordering, shuffles }, seededRandom(drawSeed(input.seed + offset, f))),
    );
  const blocks = run('blocks', 0);
  const songs = run('songs', 1);
  const pOf = (r: FilmReorderings) => (1 + r.atMost) / (1 + shuffles);
  const films = input.films.map(({ imdbId, moods, runs }, f) => ({
    imdbId,
    songs: moods.length,
    runs: runs.length,
    change: blocks[f].real,
    shuffledChange: blocks[f].draws.reduce((s, v) => s + v, 0) / Math.max(1, shuffles),
    orderP: pOf(blocks[f]),
    // "More alike than in X% of reorderings": the reorderings whose change is larger.
    smootherThan: 1 - blocks[f].atMost / Math.max(1, shuffles),
    songOrderP: pOf(songs[f]),
  }));
  const below = (ps: number[]) => ps.filter((p) => p < significance).length;
  // A film of one run has one order: nothing to test.
  const tested = films.filter((f) => f.runs > 1).length;
  const pooled = pooledRatio(blocks, shuffles);
  const songPooled = pooledRatio(songs, shuffles);
  return {
    shuffles,
    films,
    overall: {
      shuffle: 'blocks',
      ratio: pooled.ratio,
      p: pooled.p,
      filmsBelowSignificance: below(films.map((f) => f.orderP)),
      filmsTested: tested,
      expectedByChance: significance * tested,
    },
    songLevel: {
      shuffle: 'songs',
      ratio: songPooled.ratio,
      p: songPooled.p,
      filmsBelowSignificance: below(films.map((f) => f.songOrderP)),
      filmsTested: films.filter((f) => f.songs > 1).length,
      expectedByChance: significance * films.filter((f) => f.songs > 1).length,
    },
  };
}
