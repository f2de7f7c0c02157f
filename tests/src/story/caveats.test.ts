import { describe, expect, it } from 'vitest';
import type { StoryFilm } from '../../../scripts/schemas.ts';
import { filmCaveats } from '../../../src/story/caveats.ts';

type Film = Pick<StoryFilm, 'flags' | 'coverage' | 'truncated'>;
const film = (over: Partial<Film> = {}): StoryFilm =>
  ({
    flags: [],
    truncated: false,
    coverage: { entries: 14, withPerformer: 12, withGenres: 10, withFeatures: 10 },
    ...over,
  }) as StoryFilm;
const coverage = (entries: number, withFeatures: number) => ({ entries, withPerformer: entries, withGenres: withFeatures, withFeatures });

describe('a film’s caveats', () => {
  it('says nothing about a film whose data is whole', () => {
    expect(filmCaveats(film())).toEqual([]);
    // A flag that is not a caveat of its own adds nothing here.
    expect(filmCaveats(film({ flags: ['mostly-extrapolated'] }))).toEqual([]);
  });

  it('says a film has no listing, and only that, when the snapshot has none', () => {
    expect(filmCaveats(film({ flags: ['no-soundtrack', 'no-featured-tracks'], coverage: coverage(0, 0) }))).toEqual([
      'There is no soundtrack listing for this film in the data yet, so it has no arc and no group.',
    ]);
  });

  it('tells an empty listing from songs that all lack moods, with their count', () => {
    expect(filmCaveats(film({ flags: ['no-featured-tracks'], coverage: coverage(0, 0) }))).toEqual([
      'The film’s soundtrack listing is empty, so it has no arc and no group.',
    ]);
    expect(filmCaveats(film({ flags: ['no-featured-tracks'], coverage: coverage(9, 0) }))).toEqual([
      'None of the 9 listed songs has mood features (their performers are unknown or carry no mapped genre), so the film has no arc and no group.',
    ]);
  });

  it('explains why one or two songs with moods make no arc, in the grammar of the count', () => {
    const [one] = filmCaveats(film({ flags: ['few-featured-tracks'], coverage: coverage(24, 1) }));
    expect(one).toMatch(
      /^Only 1 of the 24 listed songs has mood features, too few to trace an arc: one song scaled within its film is a flat line,/,
    );
    const [two] = filmCaveats(film({ flags: ['few-featured-tracks'], coverage: coverage(12, 2) }));
    expect(two).toMatch(
      /^Only 2 of the 12 listed songs have mood features, too few to trace an arc: two songs scaled within their film are a straight line from one to the other,/,
    );
    expect(two).toContain('stays out of the clustering, the map and every test of chance');
  });

  it('warns of a listing cut short, after the other caveats', () => {
    expect(filmCaveats(film({ truncated: true }))).toEqual([
      'IMDb’s listing for this film was cut short when it was read, so some songs may be missing from the end.',
    ]);
    const both = filmCaveats(film({ truncated: true, flags: ['few-featured-tracks'], coverage: coverage(30, 2) }));
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/^Only 2 of the 30/);
    expect(both[1]).toMatch(/^IMDb’s listing/);
  });
});
