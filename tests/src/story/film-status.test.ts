/** Why a film has no arc or no archetype page: the true reason, in words, for every case. */
import { describe, expect, it } from 'vitest';
import type { StoryFilm } from '../../../scripts/schemas.ts';
import { noArchetypeReason, noArcReason } from '../../../src/story/film-status.ts';

type Film = Pick<StoryFilm, 'imdbId' | 'flags' | 'coverage' | 'arc' | 'archetype'>;
const film = (over: Partial<Film>): Film => ({
  imdbId: 'tt0091860',
  flags: [],
  coverage: { entries: 14, withPerformer: 12, withGenres: 10, withFeatures: 10 },
  arc: [],
  archetype: 4,
  ...over,
});

describe('film status', () => {
  it('names a missing snapshot, an empty one, no moods and too few moods as such', () => {
    expect(
      noArcReason(
        film({
          arc: null,
          flags: ['no-soundtrack', 'no-featured-tracks'],
          coverage: { entries: 0, withPerformer: 0, withGenres: 0, withFeatures: 0 },
        }),
        3,
      ),
    ).toBe('there is no soundtrack listing for it in the data, so it has no songs');
    expect(
      noArcReason(
        film({ arc: null, flags: ['no-featured-tracks'], coverage: { entries: 0, withPerformer: 0, withGenres: 0, withFeatures: 0 } }),
        3,
      ),
    ).toBe('its soundtrack listing is empty');
    expect(noArcReason(film({ arc: null, coverage: { entries: 9, withPerformer: 0, withGenres: 0, withFeatures: 0 } }), 3)).toBe(
      'none of its 9 listed songs has mood features',
    );
    expect(noArcReason(film({ arc: null, coverage: { entries: 9, withPerformer: 2, withGenres: 1, withFeatures: 1 } }), 3)).toBe(
      'only 1 of its 9 listed songs has mood features, fewer than the 3 an arc needs',
    );
    expect(noArcReason(film({}), 3)).toBeNull();
  });

  it('says a film with an arc and a cluster lacks a page because its archetype has no essay, never that it has too few moods', () => {
    const reason = noArchetypeReason(film({}), 3, ['Smithereens']);
    expect(reason).toBe('its group (with Smithereens) has no essay in content/archetypes/ at the moment, so it has no page');
    expect(reason).not.toMatch(/mood features|fewer than/);
    expect(
      noArchetypeReason(
        film({ arc: null, archetype: null, coverage: { entries: 14, withPerformer: 2, withGenres: 2, withFeatures: 2 } }),
        3,
      ),
    ).toBe('only 2 of its 14 listed songs have mood features, fewer than the 3 an arc needs');
  });
});
