import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../../../scripts/lib/errors.ts';
import { curateArtistGenres, curatedCredit, curatedTitle, curateSoundtrack, runCurate } from '../../../scripts/snapshot/curate.ts';
import type { CurationEntry, CurationRecord } from '../../../scripts/schemas.ts';

const entry = (position: number, over: Partial<CurationEntry> = {}): CurationEntry => ({
  position,
  referenceTitle: 'Blitzkrieg Bop',
  title: 'Blitzkrieg Bop',
  credits: ['Performed by Ramones'],
  performers: ['Ramones'],
  remixers: [],
  confidence: 'high',
  evidence: 'liner notes',
  ...over,
});
const record = (imdbId: string, entries: CurationEntry[], artists: CurationRecord['artists'] = {}): CurationRecord => ({
  imdbId,
  film: 'A Film',
  sources: [{ url: 'https://example.org', what: 'notes' }],
  entries,
  artists,
});

describe('curatedTitle', () => {
  it('keeps a mix note that the reference title carries after the clean title', () => {
    expect(curatedTitle({ title: 'Dead Man Walking', referenceTitle: 'Dead Man Walking (Danny Saber Remix)' })).toBe(
      'Dead Man Walking (Danny Saber Remix)',
    );
  });
  it('drops credit residue the study’s regex glued on, and a stray opening quote', () => {
    expect(curatedTitle({ title: 'Copacabana', referenceTitle: 'Copacabana(uncredited)' })).toBe('Copacabana');
    expect(curatedTitle({ title: 'Killing Time', referenceTitle: 'Killing TimeWritten by X' })).toBe('Killing Time');
    expect(curatedTitle({ title: 'Killing Time', referenceTitle: '"Killing Time (Live)' })).toBe('Killing Time (Live)');
  });
  it('keeps the research’s title when the reference says something else', () => {
    expect(curatedTitle({ title: 'Gloria', referenceTitle: 'G-L-O-R-I-A (Live)' })).toBe('Gloria');
    expect(curatedTitle({ title: 'Gloria', referenceTitle: 'Gloria (Live) (Remastered)' })).toBe('Gloria');
  });
});

describe('curatedCredit', () => {
  it('links each researched name the line mentions, in the order the line names them', () => {
    expect(curatedCredit('Performed by Minor Threat and Fear', ['Fear', 'Minor Threat', 'Bad Brains'])).toEqual({
      text: 'Performed by Minor Threat and Fear',
      links: [
        { text: 'Minor Threat', nameId: null },
        { text: 'Fear', nameId: null },
      ],
    });
  });
  it('links a whole act once, not a shorter name inside it', () => {
    expect(curatedCredit('Performed by Echo & the Bunnymen', ['Echo', 'Echo & the Bunnymen']).links).toEqual([
      { text: 'Echo & the Bunnymen', nameId: null },
    ]);
  });
});

describe('curateSoundtrack', () => {
  it('makes the scraper’s format from the research, performers derived from the credit lines', () => {
    const soundtrack = curateSoundtrack(
      record('tt0133189', [entry(1), entry(2, { title: 'Untitled cue', referenceTitle: 'Untitled cue', credits: [], performers: [] })]),
      'f.json',
    );
    expect(soundtrack).toMatchObject({ imdbId: 'tt0133189', title: 'A Film', source: 'curated', total: 2, truncated: false });
    expect(soundtrack.tracks[0]).toMatchObject({
      position: 1,
      entryId: null,
      title: 'Blitzkrieg Bop',
      credits: [{ text: 'Performed by Ramones', links: [{ text: 'Ramones', nameId: null }] }],
      performers: [{ name: 'Ramones', nameId: null, creditedAs: null }],
    });
    expect(soundtrack.tracks[1].performers).toEqual([]);
  });
  it('names the entry when its position is out of order', () => {
    expect(() => curateSoundtrack(record('tt0133189', [entry(1), entry(3)]), 'data/sources/tt0133189.json')).toThrow(
      new DataError('data/sources/tt0133189.json', 'entry 3 ("Blitzkrieg Bop")', 'position', 'is 3, expected 2'),
    );
  });
  it('stops when the credit lines and the research disagree on the performers', () => {
    const wrong = entry(1, { credits: ['Performed by Fear'], performers: ['Ramones'] });
    expect(() => curateSoundtrack(record('tt0133189', [wrong]), 'f.json')).toThrow(
      'f.json, record entry 1 ("Blitzkrieg Bop"), field "credits": the credit lines give performers [Fear] but the research records [Ramones]',
    );
  });
  it('asks for a "Remixed by" line when the research records a remixer the lines do not give', () => {
    const remix = entry(1, { remixers: ['Danny Saber'] });
    expect(() => curateSoundtrack(record('tt0133189', [remix]), 'f.json')).toThrow(
      /field "credits": the credit lines and title give remixers \[\] but the research records \[Danny Saber\]; add a "Remixed by" line$/,
    );
    const credited = entry(1, { credits: ['Performed by Ramones', 'Remixed by Danny Saber'], remixers: ['Danny Saber'] });
    expect(curateSoundtrack(record('tt0133189', [credited]), 'f.json').tracks[0].remixers.map((r) => r.name)).toEqual(['Danny Saber']);
  });
});

describe('curateArtistGenres', () => {
  it('merges an artist’s genres across films, keeps remixers known without genres, and sorts the artists', () => {
    const genres = curateArtistGenres(
      [
        record('tt0000001', [], { Ramones: { genres: ['punk'] }, Fear: { genres: ['hardcore'] } }),
        record('tt0000002', [], { Ramones: { genres: ['punk', 'pop punk'] } }),
      ],
      ['Critter', 'fear'],
    );
    expect(genres).toEqual({
      artists: {
        Critter: { genres: [], source: 'curated', providerId: null },
        Fear: { genres: ['hardcore'], source: 'curated', providerId: null },
        Ramones: { genres: ['punk', 'pop punk'], source: 'curated', providerId: null },
      },
    });
    expect(Object.keys(genres.artists)).toEqual(['Critter', 'Fear', 'Ramones']);
  });
  it('refuses two spellings of one artist, naming the record that differs', () => {
    expect(() =>
      curateArtistGenres(
        [record('tt0000001', [], { Ramones: { genres: [] } }), record('tt0000002', [], { 'The Ramones': { genres: [] } })],
        [],
      ),
    ).toThrow(
      'data/sources/tt0000002.json, record artist "The Ramones", field "artists": is spelled "Ramones" in another film\'s record; use one spelling',
    );
  });
});

describe('runCurate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'arcs-curate-'));
    mkdirSync(join(dir, 'sources'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each film’s snapshot and the artists’ genres, and logs what it made', () => {
    writeFileSync(
      join(dir, 'sources', 'tt0133189.json'),
      JSON.stringify(record('tt0133189', [entry(1)], { Ramones: { genres: ['punk'] } })),
    );
    const log: string[] = [];
    runCurate(dir, (line) => log.push(line));
    expect(readdirSync(join(dir, 'snapshot', 'soundtracks'))).toEqual(['tt0133189.json']);
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot', 'soundtracks', 'tt0133189.json'), 'utf8'));
    expect(snapshot.tracks[0].performers[0].name).toBe('Ramones');
    expect(JSON.parse(readFileSync(join(dir, 'snapshot', 'artist-genres.json'), 'utf8'))).toEqual({
      artists: { Ramones: { genres: ['punk'], providerId: null, source: 'curated' } },
    });
    expect(log).toEqual(['  tt0133189 A Film: 1 entries, 1 with a performer', '  artist-genres.json: 1 artists']);
  });
  it('names the record and entry of a research file that breaks the schema, and writes nothing', () => {
    writeFileSync(
      join(dir, 'sources', 'tt0133189.json'),
      JSON.stringify(record('tt0133189', [entry(1), entry(2, { confidence: 'sure' as 'high' })])),
    );
    expect(() => runCurate(dir, () => {})).toThrow(/tt0133189\.json, record entry 2, field "entries\.1\.confidence": /);
    expect(readdirSync(dir)).toEqual(['sources']);
  });
});
