import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/pipeline.ts';

describe('pipeline command line', () => {
  it('defaults to the study’s method, offline', () => {
    const o = parseArgs([]);
    expect(o).toMatchObject({ live: false, only: [], genres: null, dataDir: 'data', outDir: null });
    expect(o.config).toMatchObject({ steps: 10, k: 6, arcScaling: 'per-film', kmeansRestarts: 10, minFeaturedTracks: 3, nullModelDraws: 500, stabilityResamples: 200 });
  });
  it('switches arcs to level-preserving and sets steps and k', () => {
    const o = parseArgs(['--arcs', 'level-preserving', '--steps', '20', '--k', '4']);
    expect(o.config).toMatchObject({ arcScaling: 'level-preserving', steps: 20, k: 4 });
  });
  it('takes --live with --only films and a genre provider', () => {
    expect(parseArgs(['--live', '--only', 'tt0133189', 'tt0120238', '--genres', 'musicbrainz'])).toMatchObject({ live: true, only: ['tt0133189', 'tt0120238'], genres: 'musicbrainz' });
  });
  it('takes MusicBrainz for --genres without a provider, and Spotify when asked', () => {
    expect(parseArgs(['--live', '--genres']).genres).toBe('musicbrainz');
    expect(parseArgs(['--live', '--genres', '--only', 'tt0133189'])).toMatchObject({ genres: 'musicbrainz', only: ['tt0133189'] });
    expect(parseArgs(['--live', '--genres', 'spotify']).genres).toBe('spotify');
    expect(() => parseArgs(['--live', '--genres', 'lastfm'])).toThrow(/--genres takes spotify or musicbrainz, not "lastfm"/);
  });
  it('explains what is wrong with a bad option', () => {
    expect(() => parseArgs(['--arcs', 'wiggly'])).toThrow(/--arcs takes per-film or level-preserving, not "wiggly"/);
    expect(() => parseArgs(['--steps', 'x'])).toThrow(/--steps needs a whole number of at least 2/);
    expect(() => parseArgs(['--genres', 'spotify'])).toThrow(/--only and --genres go with --live/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
  });
});
