import { describe, expect, it } from 'vitest';
import { filmLevels, ranks, type LevelsInput } from '../../../scripts/stages/levels.ts';
import { Levels } from '../../../scripts/schemas.ts';
import { mood } from '../../support/tracks.ts';

const song = (valence: number, artists: string, tempo = 120) => ({ mood: mood(valence, 0.5, 0.5, tempo), artists });

describe('ranks', () => {
  it('ranks the highest first, and gives ties the better rank', () => {
    expect(ranks([0.2, 0.9, 0.5, 0.9])).toEqual([4, 1, 3, 1]);
    expect(ranks(new Float64Array([1, 1, 1]))).toEqual([1, 1, 1]);
    expect(ranks([])).toEqual([]);
  });
  it('counts values equal up to float noise as ties', () => {
    expect(ranks([0.1 + 0.2, 0.3, 0.1])).toEqual([1, 1, 3]);
  });
});

describe('filmLevels', () => {
  const input = (films: LevelsInput['films'], resamples = 200, seed = 31): LevelsInput => ({ films, resamples, seed });
  const bright = { imdbId: 'tt0000001', songs: [song(0.9, 'A'), song(0.8, 'B'), song(1, 'C')] };
  const middling = { imdbId: 'tt0000002', songs: [song(0.5, 'D'), song(0.55, 'E'), song(0.45, 'F')] };
  const dark = { imdbId: 'tt0000003', songs: [song(0.1, 'G'), song(0.05, 'H'), song(0.15, 'I')] };

  it('gives each film the mean of its songs and ranks the films on it', () => {
    const levels = filmLevels(input([middling, bright, dark]));
    expect(Levels.parse(levels)).toEqual(levels);
    const valence = levels.films.map((f) => f.features.valence);
    expect(valence.map((v) => v.mean)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.9, 12), expect.closeTo(0.1, 12)]);
    expect(valence.map((v) => v.rank)).toEqual([2, 1, 3]);
    expect(levels.films.map((f) => f.artists)).toEqual([3, 3, 3]);
  });
  it('puts each level inside its own interval, and films far apart always in the same order', () => {
    const levels = filmLevels(input([middling, bright, dark]));
    for (const film of levels.films) {
      const v = film.features.valence;
      expect(v.low).toBeLessThanOrEqual(v.mean);
      expect(v.high).toBeGreaterThanOrEqual(v.mean);
    }
    const [m, b, d] = levels.films.map((f) => f.features.valence);
    expect([b.firstShare, b.lastShare, b.rankLow, b.rankHigh]).toEqual([1, 0, 1, 1]);
    expect([d.firstShare, d.lastShare, d.rankLow, d.rankHigh]).toEqual([0, 1, 3, 3]);
    expect([m.firstShare, m.lastShare]).toEqual([0, 0]);
  });
  it('draws an artist’s songs together: a film of one artist has no spread at all', () => {
    const oneArtist = { imdbId: 'tt0000004', songs: [song(0.2, 'Same'), song(0.8, 'Same'), song(0.5, 'Same')] };
    const manyArtists = { imdbId: 'tt0000005', songs: [song(0.2, 'X'), song(0.8, 'Y'), song(0.5, 'Z')] };
    const [one, many] = filmLevels(input([oneArtist, manyArtists])).films;
    expect(one.artists).toBe(1);
    expect([one.features.valence.low, one.features.valence.high]).toEqual([one.features.valence.mean, one.features.valence.mean]);
    expect(many.features.valence.high - many.features.valence.low).toBeGreaterThan(0.2);
  });
  it('weighs an artist by its songs within a film, in the level and in every resample', () => {
    const film = { imdbId: 'tt0000006', songs: [song(0, 'A'), song(0, 'A'), song(0, 'A'), song(1, 'B')] };
    const level = filmLevels(input([film], 500)).films[0].features.valence;
    expect(level.mean).toBe(0.25);
    // A resample draws two artists: A twice (0), B twice (1), or one of each (3 songs of A, 1 of B: 0.25).
    expect(level.low).toBe(0);
    expect(level.high).toBe(1);
  });
  it('gives the same answer for the same seed, and another for another seed', () => {
    const films = [middling, { imdbId: 'tt0000007', songs: [song(0.3, 'P'), song(0.7, 'Q'), song(0.6, 'R')] }];
    expect(filmLevels(input(films, 100, 31))).toEqual(filmLevels(input(films, 100, 31)));
    expect(filmLevels(input(films, 100, 31))).not.toEqual(filmLevels(input(films, 100, 32)));
  });
  it('reports the resamples made and ranks tempo like any other feature', () => {
    const fast = { imdbId: 'tt0000008', songs: [song(0.5, 'A', 180)] };
    const slow = { imdbId: 'tt0000009', songs: [song(0.5, 'B', 70)] };
    const levels = filmLevels(input([slow, fast], 50));
    expect(levels.resamples).toBe(50);
    expect(levels.films.map((f) => [f.features.tempo.mean, f.features.tempo.rank])).toEqual([
      [70, 2],
      [180, 1],
    ]);
    // Equal valence: both share rank 1, and both come first in every resample.
    expect(levels.films.map((f) => [f.features.valence.rank, f.features.valence.firstShare])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
