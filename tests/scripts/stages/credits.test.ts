import { describe, expect, it } from 'vitest';
import { creditTracks } from '../../../scripts/stages/credits.ts';
import type { CreditLine, FilmSoundtrack, Person, SoundtrackTrack } from '../../../scripts/schemas.ts';

const person = (name: string): Person => ({ name, nameId: null, creditedAs: null });
const line = (text: string): CreditLine => ({ text, links: [] });

function track(position: number, title: string, credits: string[], stored: string[], uncredited = false): SoundtrackTrack {
  return {
    position,
    entryId: null,
    title,
    credits: credits.map(line),
    performers: stored.map(person),
    remixers: [],
    writers: [],
    composers: [],
    licensing: [],
    flags: { uncredited, creditOnly: false },
  };
}

function film(tracks: SoundtrackTrack[], imdbId = 'tt0133189'): FilmSoundtrack {
  return {
    film: { imdbId, title: 'SLC Punk', year: 1998, vibeKeywords: [], slug: 'slc-punk', order: 0 },
    soundtrack: { imdbId, title: 'SLC Punk', source: 'imdb', total: tracks.length, truncated: false, tracks },
    file: `data/snapshot/soundtracks/${imdbId}.json`,
    missing: false,
  };
}

describe('creditTracks', () => {
  it('gives each track its film, position, clean title, performers and remixers', () => {
    const { films, warnings } = creditTracks(
      [film([track(1, 'Dead Man Walking (Danny Saber Remix)', ['Performed by David Bowie'], ['David Bowie'])])],
      [],
    );
    expect(warnings).toEqual([]);
    expect(films).toEqual([
      {
        imdbId: 'tt0133189',
        tracks: [
          {
            imdbId: 'tt0133189',
            position: 1,
            title: 'Dead Man Walking (Danny Saber Remix)',
            performers: ['David Bowie'],
            remixers: ['Danny Saber'],
            uncredited: false,
          },
        ],
      },
    ]);
  });
  it('spells a name as the genre snapshot does, and keeps a known act whole', () => {
    const { films } = creditTracks(
      [film([track(1, 'Gloria', ['Performed by the ramones and Simon and Garfunkel'], ['the ramones', 'Simon and Garfunkel'])])],
      ['Ramones', 'Simon and Garfunkel'],
    );
    expect(films[0].tracks[0].performers).toEqual(['Ramones', 'Simon and Garfunkel']);
  });
  it('names one artist once, however many spellings the lines use', () => {
    const { films } = creditTracks(
      [film([track(1, 'Blitzkrieg Bop', ['Performed by Ramones', 'Sung by The Ramones'], ['Ramones', 'The Ramones'])])],
      ['Ramones'],
    );
    expect(films[0].tracks[0].performers).toEqual(['Ramones']);
  });
  it('trusts the credit lines over the snapshot’s performers, and says where they differ', () => {
    const { films, warnings } = creditTracks([film([track(3, 'Cretin Hop', ['Performed by Ramones'], ['Joey Ramone'])])], []);
    expect(films[0].tracks[0].performers).toEqual(['Ramones']);
    expect(warnings).toEqual([
      'data/snapshot/soundtracks/tt0133189.json: track 3 ("Cretin Hop"): snapshot says performers "Joey Ramone", its credit lines say "Ramones"; using the credit lines',
    ]);
  });
  it('marks a track uncredited when its title, its lines or its snapshot says so', () => {
    const { films } = creditTracks(
      [film([track(1, 'A (uncredited)', [], []), track(2, 'B', ['(uncredited)'], []), track(3, 'C', [], [], true), track(4, 'D', [], [])])],
      [],
    );
    expect(films[0].tracks.map((t) => t.uncredited)).toEqual([true, true, true, false]);
  });
  it('keeps the films in the order given', () => {
    const { films } = creditTracks([film([], 'tt0000002'), film([], 'tt0000001')], []);
    expect(films.map((f) => f.imdbId)).toEqual(['tt0000002', 'tt0000001']);
  });
});
