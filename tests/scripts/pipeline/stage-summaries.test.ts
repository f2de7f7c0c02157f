/** Each stage's log line reports the numbers that stage made, not another's. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import * as summary from '../../../scripts/pipeline/stage-summaries.ts';
import type { FilmTrend } from '../../../scripts/schemas.ts';

/** Hand-made stage results hold only what a summary reads; the rest of their types do not matter here. */
const made = <T>(value: unknown) => value as T;

describe('stage summaries', () => {
  it('counts soundtracks found, the missing ones and their entries', () => {
    const film = (tracks: number, missing: boolean) => ({ missing, soundtrack: { tracks: Array.from({ length: tracks }) } });
    expect(summary.soundtracks(made({ soundtracks: [film(3, false), film(0, true), film(2, false)], warnings: [] }))).toBe(
      '2 soundtracks (1 missing, see the warnings below), 5 entries',
    );
    expect(summary.soundtracks(made({ soundtracks: [film(1, false)], warnings: [] }))).toBe('1 soundtracks, 1 entries');
  });
  it('counts entries with a performer, with genres, with features, across every film', () => {
    const films = [
      {
        tracks: [
          { performers: ['A'], genres: ['punk'], features: {} },
          { performers: [], genres: [], features: null },
        ],
      },
      { tracks: [{ performers: ['B'], genres: [], features: null }] },
    ];
    expect(summary.credits(made({ films, warnings: [] }))).toBe('2 of 3 entries with a performer');
    expect(summary.genres(made({ films, unknownArtists: ['X', 'Y'] }))).toBe('1 entries with genres, 2 artists unknown');
    expect(summary.features(made({ films, unmappedTags: { polka: 2, zydeco: 1 } }))).toBe('1 entries with mood features, 2 tags unmapped');
  });
  it('counts arcs and the films set apart, with the steps and scaling used', () => {
    const arcs = [
      { vector: [1], flags: [] },
      { vector: null, flags: ['few-featured-tracks'] },
      { vector: [2], flags: [] },
    ];
    expect(summary.arcs(made({ arcs }), { ...defaultConfig, steps: 12, arcScaling: 'level-preserving' })).toBe(
      '2 arcs of 12 steps (level-preserving), 1 films set apart',
    );
  });
  it('gives the silhouette of the chosen k, not of another k, and a dash when there is none', () => {
    const kEvidence = [
      { k: 2, inertia: 1, silhouette: 0.9 },
      { k: 3, inertia: 1, silhouette: 0.31234 },
    ];
    expect(summary.clusters(made({ k: 3, assignments: [1, 2, 3, 4], kEvidence }))).toBe('k=3 on 4 films, silhouette 0.312');
    expect(summary.clusters(made({ k: 6, assignments: [], kEvidence }))).toBe('k=6 on 0 films, silhouette –');
  });
  it('reports the null model’s p at the chosen k and the single-song test’s, or a dash without it', () => {
    const verdict = { chosenK: 6, chosenP: 0.0421 };
    expect(summary.nullModel(made({ draws: 500, verdict, songLevel: { p: 0.5 } }), ' on 2 workers')).toBe(
      '500 run-reordering draws on 2 workers, k=6: p=0.042 (single songs: 0.500)',
    );
    expect(summary.nullModel(made({ draws: 20, verdict, songLevel: null }), '')).toBe(
      '20 run-reordering draws, k=6: p=0.042 (single songs: –)',
    );
  });
  it('lists each archetype’s Jaccard against its chance baseline', () => {
    const archetypes = [
      { jaccard: 0.8, baseline: { p95: 0.41 } },
      { jaccard: 0.456, baseline: { p95: 0.5 } },
    ];
    expect(summary.stability(made({ resamples: 200, archetypes }), '')).toBe(
      '200 refitted resamples, Jaccard 0.80/0.41 0.46/0.50 (own/chance 95th pct)',
    );
  });
  it('counts film trends beyond chance over every film and feature', () => {
    const trend = (...words: FilmTrend['valence']['word'][]) => ({
      trend: Object.fromEntries(
        ['valence', 'energy', 'danceability', 'tempo'].map((f, i) => [f, { slope: 0, p: 1, word: words[i] }]),
      ) as FilmTrend,
    });
    expect(summary.trends([trend('rising', 'no-trend', 'falling', 'no-trend'), trend('no-trend', 'no-trend', 'no-trend', 'rising')])).toBe(
      '3 of 8 film trends beyond chance',
    );
  });
  it('counts shapes beyond chance apart from shapes merely closest', () => {
    const shapes = [
      { shape: 'icarus', beyondChance: true },
      { shape: 'tragedy', beyondChance: false },
      { shape: 'no-clear-shape', beyondChance: false },
    ];
    expect(summary.shapes(made(shapes))).toBe('1 of 3 films with a shape beyond chance (2 closest to one)');
  });
  it('gives calibration rates and power detections as percentages', () => {
    expect(
      summary.calibration(
        made({
          worlds: 200,
          tests: [
            { id: 'clustering', rejectionRate: 0.0525 },
            { id: 'trend', rejectionRate: 0.1 },
          ],
        }),
      ),
    ).toBe('200 worlds without order: clustering 5.3%, trend 10.0%');
    expect(
      summary.power(
        made({
          curve: [
            { strength: 0, detection: 0.05 },
            { strength: 2, detection: 0.996 },
          ],
        }),
      ),
    ).toBe('planted shapes caught 5% 100% at strengths 0 2');
  });
  it('names the line-up’s film and counts the reorderings beside its real arc, or says there is none', () => {
    expect(summary.lineup(made({ imdbId: 'tt0133189', arcs: [[], [], [], [], [], []], runs: 14 }))).toBe(
      "tt0133189's real arc among 5 reorderings of its 14 runs",
    );
    expect(summary.lineup(null)).toBe('no film');
  });
  it('reports agreements, the map and the story in a few numbers', () => {
    expect(summary.study(made({ ari: 0.12345, films: 18 }))).toBe('adjusted Rand index with the study 0.123 over 18 films');
    expect(summary.replication(made({ agreement: { studySettings: { ari: 1, films: 20 } } }))).toBe(
      "with the study's settings on this data: adjusted Rand index 1.000 over 20 films",
    );
    expect(summary.sensitivity(-0.05)).toBe("the other arc scaling's archetypes against these: adjusted Rand index -0.050");
    expect(summary.map(made({ points: [1, 2], method: 'exact-tsne', perplexity: 5 }))).toBe(
      '2 films placed by exact-tsne, perplexity 5.00',
    );
    expect(summary.levels(made({ films: [1, 2, 3], resamples: 2000 }))).toBe("3 films' levels, 2000 resamples of their artists");
    expect(summary.storyFilms(made([{ archetype: 1 }, { archetype: null }]))).toBe('2 films, 1 in an archetype');
    expect(summary.profiles(made({ archetypes: [1, 2] }))).toBe("2 archetypes profiled from their films' own descriptors");
    expect(summary.story(made({ films: [1, 2, 3], archetypes: [1] }))).toBe('story of 3 films, 1 archetypes');
    expect(summary.reduce(made({ imdbIds: [1, 2], unclustered: [3], fit: { components: 4 } }))).toBe(
      '2 arcs standardised (1 films set apart), 4 principal components kept',
    );
    expect(
      summary.order(made({ overall: { filmsBelowSignificance: 2, filmsTested: 18, p: 0.3 }, songLevel: { filmsBelowSignificance: 5 } })),
    ).toBe('2 of 18 films smoother than run reorderings (single songs: 5), pooled p=0.300');
  });
});
