import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import { exportStory, roundDeep, type ExportInput } from '../../../scripts/stages/export.ts';
import { featuredTrack, mood } from '../../support/tracks.ts';

describe('roundDeep', () => {
  it('rounds every fraction at every depth to the decimals kept, and leaves integers and other values alone', () => {
    const value = { a: 0.1 + 0.2, b: [1 / 3, { c: -2 / 3 }], d: 7, e: 'x 0.123456789', f: null, g: true, h: 12345678901 };
    expect(roundDeep(value, 6)).toEqual({
      a: 0.3,
      b: [0.333333, { c: -0.666667 }],
      d: 7,
      e: 'x 0.123456789',
      f: null,
      g: true,
      h: 12345678901,
    });
    expect(roundDeep(2 / 3, 2)).toBe(0.67);
  });
  it('makes a new value and leaves the one given as it was', () => {
    const value = { a: [1 / 3] };
    roundDeep(value, 2);
    expect(value.a[0]).toBe(1 / 3);
  });
  it('gives equal output for inputs that differ only by float noise', () => {
    expect(JSON.stringify(roundDeep({ x: 0.1 + 0.2 }, 6))).toBe(JSON.stringify(roundDeep({ x: 0.3 }, 6)));
  });
});

/** Only what exportStory reads or passes on; the rest of each stage's output is passed through untouched. */
function exportInput(over: Partial<ExportInput> = {}): ExportInput {
  const pass = <T>(value: unknown) => value as T;
  return {
    films: [],
    archetypes: [],
    features: [
      {
        imdbId: 'tt0000001',
        tracks: [featuredTrack('tt0000001', 1, mood(0.5, 0.5, 0.5, 120)), featuredTrack('tt0000001', 2, null)],
      },
      { imdbId: 'tt0000002', tracks: [{ ...featuredTrack('tt0000002', 1, null), genres: ['punk'] }] },
    ],
    arcs: pass([
      { imdbId: 'tt0000001', vector: [0.1] },
      { imdbId: 'tt0000002', vector: null },
    ]),
    clusters: pass({
      k: 2,
      assignments: Array.from({ length: 400 }, (_, i) => ({ imdbId: `tt${String(i).padStart(7, '0')}`, cluster: 1 + (i % 2) })),
      components: 3,
      explainedVariance: [0.5, 0.25, 0.125],
      inertia: 12.3456789,
      kEvidence: [{ k: 2, inertia: 12.3456789, silhouette: 0.4 }],
    }),
    nullModel: pass({ draws: 125, verdict: { chosenP: 0.04 } }),
    stability: pass({ resamples: 50, films: [{ imdbId: 'tt0000001', coAssignment: 1 }], archetypes: [] }),
    orderSignal: pass({ shuffles: 1000, films: [{ imdbId: 'tt0000001' }], overall: { p: 0.5 }, songLevel: { p: 0.25 } }),
    calibration: pass({ worlds: 0 }),
    power: null,
    levels: pass({ resamples: 2000, films: [] }),
    lineup: null,
    featureRanges: null,
    replication: pass({ differences: [] }),
    study: pass({ ari: 0.1234567, films: 18, archetypes: [{ cluster: 1 }] }),
    levelPreservingAri: 0.9876543,
    map: { method: 'exact-tsne', perplexity: 5.5, points: [{ imdbId: 'tt0000001', x: 1, y: 2, pcaX: 3, pcaY: 4 }] },
    moodMap: { punk: mood(0.3, 0.9, 0.5, 160) },
    artistGenres: {
      artists: {
        Zeta: { genres: [], source: 'musicbrainz', providerId: 'z' },
        Ramones: { genres: ['punk'], source: 'curated', providerId: null },
        Alpha: { genres: [], source: 'curated', providerId: null },
      },
    },
    unmappedTags: { polka: 2 },
    unknownArtists: ['Nobody'],
    warnings: ['a warning'],
    config: defaultConfig,
    draws: { nullModel: 125, stability: 50 },
    ...over,
  };
}

describe('exportStory', () => {
  it('records the draws actually made and the restarts used for the films clustered, not the configured ones', () => {
    const { method } = exportStory(exportInput());
    expect(method).toMatchObject({ nullModelDraws: 125, stabilityResamples: 50, kmeansRestarts: 5 });
    expect(exportStory(exportInput({ clusters: { ...exportInput().clusters, assignments: [] } })).method.kmeansRestarts).toBe(
      defaultConfig.kmeansRestarts,
    );
  });
  it('copies the method’s settings and seeds from the config', () => {
    const config = { ...defaultConfig, steps: 12, arcScaling: 'level-preserving' as const, significance: 0.01 };
    expect(exportStory(exportInput({ config })).method).toMatchObject({
      steps: 12,
      arcScaling: 'level-preserving',
      significance: 0.01,
      minFeaturedTracks: 3,
      seeds: defaultConfig.seeds,
    });
  });
  it('counts coverage over every film’s tracks', () => {
    expect(exportStory(exportInput()).coverage).toEqual({ entries: 3, withPerformer: 1, withGenres: 1, withFeatures: 1 });
  });
  it('lists the films set apart and counts those clustered', () => {
    const { analysis } = exportStory(exportInput());
    expect(analysis.thinFilms).toEqual(['tt0000002']);
    expect(analysis.clusteredFilms).toBe(400);
    expect(analysis.k).toBe(2);
  });
  it('leaves out the per-film lists and the map’s points, which the films carry themselves', () => {
    const { analysis } = exportStory(exportInput());
    expect(analysis.stability).not.toHaveProperty('films');
    expect(analysis.orderSignal).toEqual({ shuffles: 1000, overall: { p: 0.5 }, songLevel: { p: 0.25 } });
    expect(analysis.studyComparison).toEqual({ ari: 0.123457, films: 18 });
    expect(analysis.map).toEqual({ method: 'exact-tsne', perplexity: 5.5 });
  });
  it('records the genres: artists without any, sorted, and how many came from each provider', () => {
    expect(exportStory(exportInput()).genres).toEqual({
      moodMap: { punk: mood(0.3, 0.9, 0.5, 160) },
      unmappedTags: { polka: 2 },
      unknownArtists: ['Nobody'],
      artistsWithoutGenres: ['Alpha', 'Zeta'],
      providers: { musicbrainz: 1, curated: 2 },
    });
  });
  it('rounds every number to the decimals the config keeps', () => {
    const story = exportStory(exportInput({ config: { ...defaultConfig, decimals: 3 } }));
    expect(story.analysis.levelPreservingAri).toBe(0.988);
    expect(story.analysis.inertia).toBe(12.346);
    expect(story.analysis.kEvidence[0].inertia).toBe(12.346);
    expect(story.warnings).toEqual(['a warning']);
  });
});
