import { describe, expect, it } from 'vitest';
import type { Story, StoryFilm } from '../../../scripts/schemas.ts';
import { filmDescription, filmOrderFinding, siteFinding, topPerformers } from '../../../src/publish/sharing.ts';

const track = (performers: string[]) => ({ performers }) as unknown as StoryFilm['tracks'][number];

function film(overrides: Partial<StoryFilm> = {}): StoryFilm {
  return {
    title: 'Suburbia & "Sons" <1984>',
    year: 1984,
    coverage: { entries: 5, withPerformer: 4, withGenres: 3, withFeatures: 3 },
    tracks: [track(['T.S.O.L.']), track(['The Vandals', 'T.S.O.L.']), track(['D.I.']), track(['The Vandals']), track([])],
    orderSignal: { orderP: 0.51, smootherThan: 0.49, songs: 3, runs: 3, change: 1, shuffledChange: 1, songOrderP: 0.5 },
    ...overrides,
  } as StoryFilm;
}

const story = (beyondChance: boolean) =>
  ({ analysis: { clusteredFilms: 17, nullModel: { verdict: { beyondChance } } }, method: { significance: 0.05 } }) as unknown as Story;

describe('the site card’s finding', () => {
  it('states the story’s headline in plain words, with no statistician’s terms', () => {
    expect(siteFinding(story(false))).toBe('The order of a film’s songs does not trace an arc that films share.');
    expect(siteFinding(story(false))).not.toMatch(/silhouette|k =|p =|archetype/);
  });
  it('turns when the evidence does', () => {
    expect(siteFinding(story(true))).toBe('The order of a film’s songs traces arcs that films share.');
  });
});

describe('a film’s description', () => {
  it('counts each performer once a song, most first, ties in listing order', () => {
    expect(topPerformers(film(), 3)).toEqual([
      { name: 'T.S.O.L.', songs: 2 },
      { name: 'The Vandals', songs: 2 },
      { name: 'D.I.', songs: 1 },
    ]);
    expect(topPerformers(film({ tracks: [track(['X', 'X'])] }), 3)).toEqual([{ name: 'X', songs: 1 }]);
  });

  it('says what its data says: songs, who is heard most, what the order test found', () => {
    expect(filmDescription(film(), 0.05)).toBe(
      'Suburbia & "Sons" <1984> (1984): 5 songs on its soundtrack, 4 with a known performer (most often T.S.O.L. and The Vandals), 3 with mood features. Neighbouring songs are no more alike than with its artist runs reordered (p = 0.51).',
    );
  });

  it('names no performer heard only once, and no group', () => {
    const once = film({ tracks: [track(['A']), track(['B'])] });
    expect(filmDescription(once, 0.05)).toContain('4 with a known performer, 3 with mood features');
    expect(filmDescription(film({ cluster: 3 } as Partial<StoryFilm>), 0.05)).not.toMatch(/archetype|group/i);
  });

  it('claims an order only below the significance level, and says why a film has no test', () => {
    expect(
      filmOrderFinding(
        film({ orderSignal: { orderP: 0.003, smootherThan: 0.99, songs: 3, runs: 3, change: 1, shuffledChange: 1, songOrderP: 0.003 } }),
        0.05,
      ),
    ).toBe('Neighbouring songs are more alike than with its artist runs reordered (p = 0.003)');
    expect(
      filmOrderFinding(
        film({ orderSignal: { orderP: 0.0004, smootherThan: 1, songs: 3, runs: 3, change: 1, shuffledChange: 1, songOrderP: 0.0004 } }),
        0.05,
      ),
    ).toContain('(p < 0.001)');
    expect(filmOrderFinding(film({ orderSignal: null }), 0.05)).toBe('Too few of its songs have mood features to trace an arc');
    const empty = film({ orderSignal: null, tracks: [], coverage: { entries: 0, withPerformer: 0, withGenres: 0, withFeatures: 0 } });
    expect(filmDescription(empty, 0.05)).toBe('Suburbia & "Sons" <1984> (1984): No songs are listed for it yet.');
  });
});
