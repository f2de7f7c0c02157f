/**
 * Stage: artist runs, the unit every order test permutes. A song's mood comes from its
 * artists' genres, so every song by one artist has the same mood; and IMDb lists an
 * artist's songs together (five Joe Strummer songs in a row in Permanent Record). Shuffle
 * single songs and those runs break up, so the real order looks smoother than chance for
 * a reason that has nothing to do with the film. A run is a maximal stretch of
 * consecutive songs with a mood by the same artists; the order tests move each run whole
 * (a block permutation), which keeps what mood-by-artist makes alike together and asks
 * only whether the runs' order carries anything.
 */
import { shuffleInto } from './arcs.ts';

/** Lengths of the maximal runs of equal keys, in order. */
export function runLengths(keys: ArrayLike<string | number>): number[] {
  const runs: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) runs[runs.length - 1]++;
    else runs.push(1);
  }
  return runs;
}

/** Buffers a block shuffle reuses, each of at least as many integers as there are runs. */
export interface RunBuffers {
  scratch: Int32Array;
  starts: Int32Array;
}

export function runBuffers(runs: number): RunBuffers {
  return { scratch: new Int32Array(Math.max(1, runs)), starts: new Int32Array(Math.max(1, runs)) };
}

/**
 * Permutes runs of songs: writes into `into` the song indices 0…count−1 with the runs
 * (of lengths `runs`) in a uniformly random order, each run's songs kept together and in
 * their order.
 */
export function blockShuffleInto(
  into: Int32Array,
  runs: ArrayLike<number>,
  random: () => number,
  { scratch, starts }: RunBuffers,
): Int32Array {
  const runCount = runs.length;
  let start = 0;
  for (let r = 0; r < runCount; r++) {
    starts[r] = start;
    start += runs[r];
  }
  // The runs' order: the one draw a block permutation makes (order-signal.ts draws only this).
  shuffleInto(scratch, runCount, random);
  let at = 0;
  for (let r = 0; r < runCount; r++) {
    const run = scratch[r];
    for (let s = 0; s < runs[run]; s++) into[at++] = starts[run] + s;
  }
  return into;
}

/** Block permutations of many films, with the buffers they need allocated once. */
export class BlockShuffler {
  private readonly buffers: RunBuffers;

  constructor(readonly runs: readonly (readonly number[])[]) {
    this.buffers = runBuffers(Math.max(1, ...runs.map((r) => r.length)));
  }

  /** A random order of film's songs that keeps each run together. */
  shuffle(film: number, into: Int32Array, random: () => number): Int32Array {
    return blockShuffleInto(into, this.runs[film], random, this.buffers);
  }
}
