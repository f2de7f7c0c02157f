import { describe, expect, it } from 'vitest';
import { tagGenres } from '../../../scripts/stages/genres.ts';
import type { ArtistGenresSnapshot, CreditedTrack } from '../../../scripts/schemas.ts';
import type { FilmCredits } from '../../../scripts/stages/credits.ts';

const snapshot: ArtistGenresSnapshot = {
  artists: {
    Ramones: { genres: ['punk', 'pop punk'], source: 'curated', providerId: null },
    'Danny Saber': { genres: ['electronica', 'punk'], source: 'curated', providerId: null },
    'Library Cue': { genres: [], source: 'curated', providerId: null },
  },
};
const track = (position: number, performers: string[], remixers: string[] = []): CreditedTrack => ({
  imdbId: 'tt0133189',
  position,
  title: `Song ${position}`,
  performers,
  remixers,
  uncredited: false,
});
const films = (...tracks: CreditedTrack[][]): FilmCredits[] => tracks.map((t, i) => ({ imdbId: `tt000000${i + 1}`, tracks: t }));

describe('tagGenres', () => {
  it('gathers the genres of a track’s performers, then its remixers, each genre once', () => {
    const { films: tagged } = tagGenres(films([track(1, ['Ramones'], ['Danny Saber'])]), snapshot);
    expect(tagged[0].tracks[0]).toEqual({
      ...track(1, ['Ramones'], ['Danny Saber']),
      genres: ['punk', 'pop punk', 'electronica'],
      unknownArtists: [],
    });
  });
  it('finds an artist under another spelling of the name', () => {
    expect(tagGenres(films([track(1, ['The RAMONES'])]), snapshot).films[0].tracks[0].genres).toEqual(['punk', 'pop punk']);
  });
  it('tells an artist the snapshot knows without genres from one it does not know', () => {
    const { films: tagged, unknownArtists } = tagGenres(films([track(1, ['Library Cue']), track(2, ['Nobody', 'Ramones'])]), snapshot);
    expect(tagged[0].tracks.map((t) => [t.genres, t.unknownArtists])).toEqual([
      [[], []],
      [['punk', 'pop punk'], ['Nobody']],
    ]);
    expect(unknownArtists).toEqual(['Nobody']);
  });
  it('lists every unknown artist once, sorted, across films', () => {
    const { unknownArtists } = tagGenres(films([track(1, ['Zeta', 'Alpha'])], [track(1, [], ['Alpha']), track(2, ['Mu'])]), snapshot);
    expect(unknownArtists).toEqual(['Alpha', 'Mu', 'Zeta']);
  });
  it('leaves a track without credited artists with no genres', () => {
    expect(tagGenres(films([track(1, [])]), snapshot).films[0].tracks[0]).toMatchObject({ genres: [], unknownArtists: [] });
  });
});
