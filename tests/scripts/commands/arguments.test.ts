import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../../scripts/commands/bench.ts';
import { parseImdbCommand } from '../../../scripts/commands/imdb.ts';
import { parsePipelineOptions } from '../../../scripts/commands/pipeline.ts';

describe('pipeline command line', () => {
  it('defaults to the study’s method, offline', () => {
    const o = parsePipelineOptions([]);
    expect(o).toMatchObject({ live: false, only: [], genres: null, dataDir: 'data', outDir: null });
    expect(o.config).toMatchObject({
      steps: 10,
      k: 6,
      arcScaling: 'per-film',
      kmeansRestarts: 10,
      minFeaturedTracks: 3,
      nullModelDraws: 500,
      stabilityResamples: 200,
    });
  });
  it('switches arcs to level-preserving and sets steps and k', () => {
    const o = parsePipelineOptions(['--arcs', 'level-preserving', '--steps', '20', '--k', '4']);
    expect(o.config).toMatchObject({ arcScaling: 'level-preserving', steps: 20, k: 4 });
  });
  it('takes --live with --only films and a genre provider', () => {
    expect(parsePipelineOptions(['--live', '--only', 'tt0133189', 'tt0120238', '--genres', 'musicbrainz'])).toMatchObject({
      live: true,
      only: ['tt0133189', 'tt0120238'],
      genres: 'musicbrainz',
    });
  });
  it('takes MusicBrainz for --genres without a provider, and Spotify when asked', () => {
    expect(parsePipelineOptions(['--live', '--genres']).genres).toBe('musicbrainz');
    expect(parsePipelineOptions(['--live', '--genres', '--only', 'tt0133189'])).toMatchObject({
      genres: 'musicbrainz',
      only: ['tt0133189'],
    });
    expect(parsePipelineOptions(['--live', '--genres', 'spotify']).genres).toBe('spotify');
    expect(() => parsePipelineOptions(['--live', '--genres', 'lastfm'])).toThrow(/--genres takes spotify or musicbrainz, not "lastfm"/);
  });
  it('explains what is wrong with a bad option', () => {
    expect(() => parsePipelineOptions(['--arcs', 'wiggly'])).toThrow(/--arcs takes per-film or level-preserving, not "wiggly"/);
    expect(() => parsePipelineOptions(['--steps', 'x'])).toThrow(/--steps needs a whole number of at least 2/);
    expect(() => parsePipelineOptions(['--genres', 'spotify'])).toThrow(/--only and --genres go with --live/);
    expect(() => parsePipelineOptions(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
    expect(() => parsePipelineOptions(['--live', '--only', '--k', '4'])).toThrow(/--only needs at least one IMDb ID/);
    expect(() => parsePipelineOptions(['--data'])).toThrow(/--data needs a value/);
    expect(() => parsePipelineOptions(['--live=yes'])).toThrow(/--live takes no value/);
  });
  it('takes every word after --only as a film, and no stray word elsewhere', () => {
    expect(parsePipelineOptions(['--live', '--only', 'tt0133189', 'tt0120238', '--k', '4', '--only', 'tt0084698'])).toMatchObject({
      only: ['tt0133189', 'tt0120238', 'tt0084698'],
      config: { k: 4 },
    });
    expect(() => parsePipelineOptions(['--live', 'tt0133189'])).toThrow(/unknown option tt0133189/);
  });
});

describe('imdb command line', () => {
  it('reads parse, fetch and import', () => {
    expect(parseImdbCommand(['parse', 'page.html'])).toEqual({ command: 'parse', file: 'page.html' });
    expect(parseImdbCommand(['fetch', 'tt0133189', 'tt0120238'])).toEqual({ command: 'fetch', ids: ['tt0133189', 'tt0120238'] });
    expect(parseImdbCommand(['import', 'a.html', '--data', 'elsewhere', 'b.html'])).toEqual({
      command: 'import',
      files: ['a.html', 'b.html'],
      dataDir: 'elsewhere',
    });
    expect(parseImdbCommand(['import', 'a.html'])).toMatchObject({ dataDir: 'data' });
  });
  it('explains what is wrong', () => {
    expect(() => parseImdbCommand([])).toThrow(/needs a command: parse, fetch or import/);
    expect(() => parseImdbCommand(['parse', 'a.html', 'b.html'])).toThrow(/parse needs exactly one saved page/);
    expect(() => parseImdbCommand(['fetch', 'tt0133189', '--data', 'x'])).toThrow(/--data goes with import/);
    expect(() => parseImdbCommand(['import', 'a.html', '--data'])).toThrow(/--data needs a value/);
    expect(() => parseImdbCommand(['scrape'])).toThrow(/unknown command scrape/);
  });
});

describe('bench command line', () => {
  it('defaults to 20, 200 and 2,000 films, 3 runs, with the site build', () => {
    expect(parseBenchOptions([])).toEqual({ sizes: [20, 2000], runs: 3, site: true, sample: 16 });
    expect(parseBenchOptions(['--sizes', '20,200', '--runs', '1', '--sample', '4', '--no-site'])).toEqual({
      sizes: [20, 200],
      runs: 1,
      site: false,
      sample: 4,
    });
  });
  it('refuses sizes and runs that are not whole numbers', () => {
    expect(() => parseBenchOptions(['--sizes', '20,lots'])).toThrow(/--sizes needs a whole number of at least 1, not "lots"/);
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow(/--runs needs a whole number of at least 1, not "0"/);
  });
});
