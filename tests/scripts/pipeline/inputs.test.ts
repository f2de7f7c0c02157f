import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../../../scripts/lib/errors.ts';
import { dataPaths, readInputs, validate } from '../../../scripts/pipeline/inputs.ts';
import { GenreMoodMap } from '../../../scripts/schemas.ts';

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const json = (value: unknown) => JSON.stringify(value, null, 2);
const punk = { valence: 0.4, energy: 0.9, danceability: 0.5, tempo: 160 };

/** The smallest data folder the pipeline reads: one film, one genre, one artist, one snapshot. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-inputs-'));
  write('films.csv', 'Movie Title,Year,Vibe Keywords,IMDb ID\nSLC Punk,1998,"punk decay",tt0133189\n');
  write('genre-mood-map.json', json({ punk }));
  write('snapshot/artist-genres.json', json({ artists: { Ramones: { genres: ['punk'], source: 'curated' } } }));
  write('snapshot/soundtracks/tt0133189.json', '{"snapshot": "read later, by the soundtracks stage"}');
  write('snapshot/soundtracks/README.md', 'not a snapshot');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refusal = () => {
  try {
    readInputs(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('the inputs were accepted');
};

describe('dataPaths', () => {
  it('places every input under the data folder', () => {
    expect(dataPaths('elsewhere')).toEqual({
      films: join('elsewhere', 'films.csv'),
      moodMap: join('elsewhere', 'genre-mood-map.json'),
      soundtracks: join('elsewhere', 'snapshot', 'soundtracks'),
      artistGenres: join('elsewhere', 'snapshot', 'artist-genres.json'),
      studyResults: join('elsewhere', 'reference', 'study-results.json'),
      generated: join('elsewhere', 'generated'),
    });
  });
});

describe('readInputs', () => {
  it('reads the films, the map, the artists and the snapshot files, with the defaults filled in', () => {
    const inputs = readInputs(dir);
    expect(inputs.films.map((f) => f.slug)).toEqual(['slc-punk']);
    expect(inputs.moodMap).toEqual({ punk });
    expect(inputs.artistGenres.artists.Ramones).toEqual({ genres: ['punk'], source: 'curated', providerId: null });
    expect(inputs.snapshots).toEqual([
      { file: join(dir, 'snapshot', 'soundtracks', 'tt0133189.json'), text: '{"snapshot": "read later, by the soundtracks stage"}' },
    ]);
  });
  it('compares with no study when the data folder has none, and reads the study’s when it has', () => {
    expect(readInputs(dir).studyResults).toEqual({
      about: 'no study results in this data folder',
      method: {},
      clusters: {},
      tracksWithFeatures: {},
    });
    const study = { about: 'the study', method: { k: 6 }, clusters: { Bleak: ['tt0133189'] }, tracksWithFeatures: { tt0133189: 9 } };
    write('reference/study-results.json', json(study));
    expect(readInputs(dir).studyResults).toEqual(study);
  });
  it('names a missing input file', () => {
    rmSync(join(dir, 'genre-mood-map.json'));
    expect(refusal()).toBe(`${join(dir, 'genre-mood-map.json')}: is missing`);
    rmSync(join(dir, 'films.csv'));
    expect(refusal()).toBe(`${join(dir, 'films.csv')}: is missing`);
  });
  it('names the genre and the field of a bad mood', () => {
    write('genre-mood-map.json', json({ punk: { ...punk, energy: 1.5 } }));
    expect(refusal()).toMatch(new RegExp(`^${join(dir, 'genre-mood-map.json')}, record genre "punk", field "punk\\.energy": `));
  });
  it('names the artist and the field of a bad artist record', () => {
    write('snapshot/artist-genres.json', json({ artists: { Ramones: { genres: [''], source: 'curated' } } }));
    expect(refusal()).toMatch(/artist-genres\.json, record artist "Ramones", field "artists\.Ramones\.genres\.0": /);
    write('snapshot/artist-genres.json', json({ artists: { Ramones: { genres: [], source: 'lastfm' } } }));
    expect(refusal()).toMatch(/record artist "Ramones", field "artists\.Ramones\.source": /);
  });
  it('names the archetype of a bad study result', () => {
    write('reference/study-results.json', json({ about: '', method: {}, clusters: { Bleak: ['133189'] }, tracksWithFeatures: {} }));
    expect(refusal()).toMatch(/study-results\.json, record archetype "Bleak", field "clusters\.Bleak\.0": must look like tt0123456$/);
  });
  it('names the line and column of a file that is not JSON', () => {
    write('genre-mood-map.json', '{\n  "punk": \n}');
    expect(refusal()).toMatch(new RegExp(`^${join(dir, 'genre-mood-map.json')}: is not valid JSON at line 3, column 1`));
  });
  it('names films.csv’s line and field before reading anything else', () => {
    write('films.csv', 'Movie Title,Year,Vibe Keywords,IMDb ID\nSLC Punk,98,"punk decay",tt0133189\n');
    rmSync(join(dir, 'genre-mood-map.json'));
    expect(refusal()).toMatch(/films\.csv, record line 2 \(SLC Punk\), field "Year": "98" is not a four-digit year/);
  });
});

describe('validate', () => {
  it('returns the parsed value, or a DataError naming the first issue’s path and record', () => {
    expect(validate(GenreMoodMap, { punk }, 'map.json')).toEqual({ punk });
    const error = (() => {
      try {
        validate(GenreMoodMap, { punk: { ...punk, tempo: -1 } }, 'map.json', (p) => `genre ${p[0]}`);
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ file: 'map.json', record: 'genre punk', field: 'punk.tempo' });
  });
  it('names no field for a problem with the whole file', () => {
    expect(() => validate(GenreMoodMap, [], 'map.json')).toThrow(/^map\.json: Expected object, received array$/);
  });
});
