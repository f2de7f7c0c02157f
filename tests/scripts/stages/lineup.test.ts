import { describe, expect, it } from 'vitest';
import { arcFromSamples, featureRange, type ArcSample } from '../../../scripts/stages/arcs.ts';
import { buildLineup, lineupFilm, type LineupInput } from '../../../scripts/stages/lineup.ts';
import { Lineup } from '../../../scripts/schemas.ts';
import { filmSamples, mood, runsOf } from '../../support/tracks.ts';

/** Eight songs of distinct moods; by default each by its own artist, so eight runs. */
function samples(artists?: string[]): ArcSample[] {
  return filmSamples(
    Array.from({ length: 8 }, (_, i) => mood(((i * 3) % 8) / 8, 0.1 + i / 10, 0.5 + ((i % 3) - 1) / 10, 90 + 7 * i)),
    artists,
  );
}
const film = (imdbId: string, s: ArcSample[]) => ({ imdbId, samples: s, runs: runsOf(s) });
const input = (films: LineupInput['films'], size = 6, seed = 37): LineupInput => ({ films, steps: 10, size, seed });
const realArc = (s: ArcSample[]) => arcFromSamples(s, 10, featureRange(s)).points;

describe('lineupFilm', () => {
  it('picks the film with the most artist runs, the earlier one on a tie', () => {
    const runs = (n: number) => ({ imdbId: 'tt0000000', samples: [], runs: Array(n).fill(1) });
    expect(lineupFilm([runs(2), runs(5), runs(5), runs(3)])).toBe(1);
    expect(lineupFilm([runs(4)])).toBe(0);
  });
});

describe('buildLineup', () => {
  it('has no line-up without a clustered film', () => {
    expect(buildLineup(input([]))).toBeNull();
  });
  it('shows the chosen film’s real arc among other orders of its runs, at the index it reports', () => {
    const few = samples(['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B']);
    const lineup = buildLineup(input([film('tt0000001', few), film('tt0000002', samples())]))!;
    expect(Lineup.parse(lineup)).toEqual(lineup);
    expect(lineup).toMatchObject({ imdbId: 'tt0000002', runs: 8, songs: 8 });
    expect(lineup.arcs).toHaveLength(6);
    expect(lineup.arcs[lineup.realIndex]).toEqual(realArc(samples()));
  });
  it('never shows the real order twice, nor another order twice', () => {
    const lineup = buildLineup(input([film('tt0000001', samples())], 20))!;
    const keys = lineup.arcs.map((arc) => JSON.stringify(arc));
    expect(new Set(keys).size).toBe(20);
  });
  it('shows every other order, and no more, when a film has few', () => {
    const two = samples(['A', 'A', 'A', 'B', 'B', 'B', 'B', 'B']);
    const lineup = buildLineup(input([film('tt0000001', two)]))!;
    expect(lineup.runs).toBe(2);
    expect(lineup.arcs).toHaveLength(2);
    // The only other order plays B's five songs first, at the places A's and B's songs had.
    const swapped = two.map((s, i) => ({ ...s, mood: two[(i + 3) % 8].mood }));
    expect(lineup.arcs[1 - lineup.realIndex]).toEqual(realArc(swapped));
    const one = buildLineup(input([film('tt0000001', samples(Array(8).fill('Solo')))]))!;
    expect(one).toMatchObject({ runs: 1, realIndex: 0 });
    expect(one.arcs).toHaveLength(1);
  });
  it('moves whole runs: in every other order a run’s songs stay together and in their order', () => {
    const s = samples(['A', 'A', 'B', 'C', 'C', 'C', 'D', 'E']);
    const lineup = buildLineup(input([film('tt0000001', s)], 30))!;
    // Every arc shown is the arc of some order of whole runs, each run's songs in their own order.
    const runs = [[0, 1], [2], [3, 4, 5], [6], [7]];
    const orders: number[][] = [];
    const permute = (left: number[][], done: number[][]) => {
      if (!left.length) orders.push(done.flat());
      left.forEach((run, i) => permute([...left.slice(0, i), ...left.slice(i + 1)], [...done, run]));
    };
    permute(runs, []);
    const possible = new Set(orders.map((order) => JSON.stringify(realArc(s.map((x, i) => ({ ...x, mood: s[order[i]].mood }))))));
    for (const arc of lineup.arcs) expect(possible.has(JSON.stringify(arc))).toBe(true);
  });
  it('draws the same line-up from the same seed', () => {
    const films = [film('tt0000001', samples())];
    expect(buildLineup(input(films, 6, 37))).toEqual(buildLineup(input(films, 6, 37)));
    expect(buildLineup(input(films, 6, 37))).not.toEqual(buildLineup(input(films, 6, 38)));
  });
});
