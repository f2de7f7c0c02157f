import { describe, expect, it } from 'vitest';
import {
  ArtistGenres,
  ArtistGenresSnapshot,
  CurationEntry,
  Film,
  GenreMoodMap,
  Mood,
  Soundtrack,
  SoundtrackTrack,
  StudyResults,
} from '../../../scripts/schemas/inputs.ts';

const mood = { valence: 0.5, energy: 0.5, danceability: 0.5, tempo: 120 };
const firstIssue = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) => {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0];
  return { path: issue.path.join('.'), message: issue.message };
};

const track = (title: string) => ({
  position: 1,
  entryId: null,
  title,
  credits: [{ text: 'Performed by Ramones', links: [{ text: 'Ramones', nameId: 'nm1234567' }] }],
  performers: [{ name: 'Ramones', nameId: 'nm1234567', creditedAs: null }],
  remixers: [],
  writers: [],
  composers: [],
  licensing: [],
  flags: { uncredited: false, creditOnly: false },
});

describe('Mood and the genre→mood map', () => {
  it('keeps valence, energy and danceability in [0, 1] and tempo in (0, 400]', () => {
    expect(Mood.safeParse(mood).success).toBe(true);
    expect(Mood.safeParse({ valence: 0, energy: 1, danceability: 0, tempo: 400 }).success).toBe(true);
    expect(firstIssue(Mood.safeParse({ ...mood, energy: 1.01 })).path).toBe('energy');
    expect(firstIssue(Mood.safeParse({ ...mood, valence: -0.01 })).path).toBe('valence');
    expect(firstIssue(Mood.safeParse({ ...mood, tempo: 0 })).path).toBe('tempo');
    expect(firstIssue(Mood.safeParse({ ...mood, tempo: 401 })).path).toBe('tempo');
  });
  it('refuses a missing feature, NaN and Infinity', () => {
    const { tempo: _tempo, ...noTempo } = mood;
    expect(firstIssue(Mood.safeParse(noTempo)).path).toBe('tempo');
    expect(firstIssue(Mood.safeParse({ ...mood, danceability: Number.NaN })).path).toBe('danceability');
    expect(firstIssue(Mood.safeParse({ ...mood, tempo: Infinity })).path).toBe('tempo');
  });
  it('names the genre of a bad mood, and refuses an empty genre name', () => {
    expect(firstIssue(GenreMoodMap.safeParse({ punk: mood, polka: { ...mood, tempo: -5 } })).path).toBe('polka.tempo');
    expect(GenreMoodMap.safeParse({ '': mood }).success).toBe(false);
  });
});

describe('Film', () => {
  const film = { imdbId: 'tt0133189', title: 'SLC Punk', year: 1998, vibeKeywords: ['punk'], slug: 'slc-punk', order: 0 };
  it('takes a film of films.csv', () => {
    expect(Film.parse(film)).toEqual(film);
  });
  it('refuses a bad id, an empty title, a year outside cinema, a slug unfit for a URL, a negative order', () => {
    expect(firstIssue(Film.safeParse({ ...film, imdbId: 'tt133' }))).toEqual({ path: 'imdbId', message: 'must look like tt0123456' });
    expect(firstIssue(Film.safeParse({ ...film, title: '' })).path).toBe('title');
    expect(firstIssue(Film.safeParse({ ...film, year: 1879 })).path).toBe('year');
    expect(firstIssue(Film.safeParse({ ...film, year: 1998.5 })).path).toBe('year');
    expect(firstIssue(Film.safeParse({ ...film, slug: 'SLC Punk' })).path).toBe('slug');
    expect(firstIssue(Film.safeParse({ ...film, order: -1 })).path).toBe('order');
  });
});

describe('the soundtrack snapshot', () => {
  it('takes a track as the scraper writes it', () => {
    expect(SoundtrackTrack.parse(track('Blitzkrieg Bop'))).toEqual(track('Blitzkrieg Bop'));
  });
  it('refuses a title with nothing visible in it, saying why', () => {
    for (const title of ['', '   ', '\u200b', '\u00ad\u200d']) {
      expect(firstIssue(SoundtrackTrack.safeParse(track(title))), JSON.stringify(title)).toEqual({
        path: 'title',
        message:
          'must have visible text: a track needs its title (an empty one, or one of spaces or invisible characters, would publish a row with no name)',
      });
    }
    expect(SoundtrackTrack.safeParse(track(' Ü ')).success).toBe(true);
  });
  it('refuses a position of 0 and a linked name that is not an IMDb name id', () => {
    expect(firstIssue(SoundtrackTrack.safeParse({ ...track('x'), position: 0 })).path).toBe('position');
    const badLink = { ...track('x'), credits: [{ text: 'by X', links: [{ text: 'X', nameId: 'tt1234567' }] }] };
    expect(firstIssue(SoundtrackTrack.safeParse(badLink))).toEqual({
      path: 'credits.0.links.0.nameId',
      message: 'must look like nm0123456',
    });
  });
  it('knows where a snapshot came from, and nothing else', () => {
    const soundtrack = { imdbId: 'tt0133189', title: 'SLC Punk', source: 'curated', total: 1, truncated: false, tracks: [track('x')] };
    expect(Soundtrack.safeParse(soundtrack).success).toBe(true);
    expect(Soundtrack.safeParse({ ...soundtrack, source: 'imdb-saved-page' }).success).toBe(true);
    expect(firstIssue(Soundtrack.safeParse({ ...soundtrack, source: 'wikipedia' })).path).toBe('source');
    expect(firstIssue(Soundtrack.safeParse({ ...soundtrack, total: -1 })).path).toBe('total');
  });
});

describe('artist genres', () => {
  it('fills in a missing provider id as null, and keeps a given one', () => {
    expect(ArtistGenres.parse({ genres: ['punk'], source: 'curated' })).toEqual({ genres: ['punk'], source: 'curated', providerId: null });
    expect(ArtistGenres.parse({ genres: [], source: 'spotify', providerId: '4abc' }).providerId).toBe('4abc');
  });
  it('refuses an unknown provider, an empty genre and an empty artist name', () => {
    expect(firstIssue(ArtistGenres.safeParse({ genres: [], source: 'lastfm' })).path).toBe('source');
    expect(firstIssue(ArtistGenres.safeParse({ genres: [''], source: 'curated' })).path).toBe('genres.0');
    expect(ArtistGenresSnapshot.safeParse({ artists: { '': { genres: [], source: 'curated' } } }).success).toBe(false);
  });
});

describe('the study’s results and the curation records', () => {
  it('keys the study’s featured counts by IMDb id, whole numbers only', () => {
    const study = { about: '', method: {}, clusters: { Bleak: ['tt0133189'] }, tracksWithFeatures: { tt0133189: 9 } };
    expect(StudyResults.safeParse(study).success).toBe(true);
    expect(StudyResults.safeParse({ ...study, tracksWithFeatures: { 'SLC Punk': 9 } }).success).toBe(false);
    expect(firstIssue(StudyResults.safeParse({ ...study, tracksWithFeatures: { tt0133189: 2.5 } })).path).toBe(
      'tracksWithFeatures.tt0133189',
    );
  });
  it('takes a research confidence of high, medium or unknown only', () => {
    const entry = {
      position: 1,
      referenceTitle: 'Blitzkrieg Bop',
      title: 'Blitzkrieg Bop',
      credits: ['Performed by Ramones'],
      performers: ['Ramones'],
      remixers: [],
      confidence: 'high',
      evidence: 'the album’s liner notes',
    };
    expect(CurationEntry.safeParse(entry).success).toBe(true);
    expect(firstIssue(CurationEntry.safeParse({ ...entry, confidence: 'low' })).path).toBe('confidence');
    expect(firstIssue(CurationEntry.safeParse({ ...entry, credits: [''] })).path).toBe('credits.0');
  });
});
