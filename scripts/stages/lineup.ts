/**
 * Stage: the line-up that opens the story. One film's real arc among arcs of the same
 * songs with its artist runs in other orders: if order traced an arc, the real one would
 * stand out. The film is chosen by a rule, not by hand: the clustered film with the most
 * artist runs (the most orders its songs could take; ties go to the earlier film). The
 * other orders are seeded reorderings of its runs, each different from the real order,
 * and the real arc's place among them is seeded too.
 */
import { drawSeed } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { ArcPoint, Lineup } from '../schemas.ts';
import { arcFromSamples, featureRange, type ArcSample } from './arcs.ts';
import { BlockShuffler } from './blocks.ts';

export interface LineupInput {
  /** Clustered films in film order: their samples and artist runs. */
  films: { imdbId: string; samples: ArcSample[]; runs: number[] }[];
  steps: number;
  /** How many arcs the line-up shows, the real one among them. */
  size: number;
  seed: number;
}

/** The film the rule picks: most runs, the earlier on ties. */
export function lineupFilm(films: LineupInput['films']): number {
  let best = 0;
  films.forEach((film, i) => {
    if (film.runs.length > films[best].runs.length) best = i;
  });
  return best;
}

export function buildLineup(input: LineupInput): Lineup | null {
  if (input.films.length === 0) return null;
  const chosen = lineupFilm(input.films);
  const { imdbId, samples, runs } = input.films[chosen];
  const random = seededRandom(drawSeed(input.seed, 0));
  const shuffler = new BlockShuffler([runs]);
  const arcOf = (order: ArrayLike<number>): ArcPoint[] => {
    const reordered = samples.map((s, i) => ({ ...s, mood: samples[order[i]].mood }));
    return arcFromSamples(reordered, input.steps, featureRange(samples)).points;
  };
  const identity = samples.map((_, i) => i).join(',');
  const others: ArcPoint[][] = [];
  const seen = new Set([identity]);
  // A film of few runs has few orders: stop once every other order is shown.
  for (let tries = 0; others.length < input.size - 1 && tries < 100 * input.size; tries++) {
    const order = shuffler.shuffle(0, new Int32Array(samples.length), random);
    const key = Array.from(order).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    others.push(arcOf(order));
  }
  const realAt = Math.floor(random() * (others.length + 1));
  const arcs = [...others.slice(0, realAt), arcOf(samples.map((_, i) => i)), ...others.slice(realAt)];
  return { imdbId, runs: runs.length, songs: samples.length, realIndex: realAt, arcs };
}
