import { describe, expect, it } from 'vitest';
import { parsePipelineOptions } from '../../scripts/commands/pipeline.ts';

describe('pipeline command line', () => {
  it('defaults to the study’s method, offline', () => {
    const o = parsePipelineOptions([]);
    expect(o).toMatchObject({ live: false, only: [], genres: null, dataDir: 'data', outDir: null });
    expect(o.config).toMatchObject({ steps: 10, k: 6, arcScaling: 'per-film', kmeansRestarts: 10, minFeaturedTracks: 3, nullModelDraws: 500, stabilityResamples: 200 });
  });
  it('switches arcs to level-preserving and sets steps and k', () => {
    const o = parsePipelineOptions(['--arcs', 'level-preserving', '--steps', '20', '--k', '4']);
    expect(o.config).toMatchObject({ arcScaling: 'level-preserving', steps: 20, k: 4 });
  });
  it('takes --live with --only films and a genre provider', () => {
    expect(parsePipelineOptions(['--live', '--only', 'tt0133189', 'tt0120238', '--genres', 'musicbrainz'])).toMatchObject({ live: true, only: ['tt0133189', 'tt0120238'], genres: 'musicbrainz' });
  });
  it('explains what is wrong with a bad option', () => {
    expect(() => parsePipelineOptions(['--arcs', 'wiggly'])).toThrow(/--arcs takes per-film or level-preserving, not "wiggly"/);
    expect(() => parsePipelineOptions(['--steps', 'x'])).toThrow(/--steps needs a whole number of at least 2/);
    expect(() => parsePipelineOptions(['--genres', 'spotify'])).toThrow(/--only and --genres go with --live/);
    expect(() => parsePipelineOptions(['--frobnicate'])).toThrow(/unknown option --frobnicate/);
  });
});
