import { describe, expect, it } from 'vitest';
import {
  ArcPoint,
  ClusterResult,
  CreditedTrack,
  FeaturedTrack,
  FeatureNameSchema,
  FilmArc,
  Lineup,
  MapResult,
  NullModel,
  Stability,
  StabilityReading,
  StudyMatch,
} from '../../../scripts/schemas/stages.ts';

const paths = (result: { success: boolean; error?: { issues: { path: (string | number)[] }[] } }) => {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.join('.'));
};
const point = (step: number, t: number, v = 0.5) => ({ step, t, valence: v, energy: v, danceability: v, tempo: v });

describe('arcs', () => {
  it('places each point in [0, 1] of the film, at a whole step, with every feature finite', () => {
    expect(ArcPoint.parse(point(9, 1))).toEqual(point(9, 1));
    expect(paths(ArcPoint.safeParse(point(0, 1.1)))).toEqual(['t']);
    expect(paths(ArcPoint.safeParse(point(-1, 0)))).toEqual(['step']);
    expect(paths(ArcPoint.safeParse(point(1.5, 0)))).toEqual(['step']);
    expect(paths(ArcPoint.safeParse({ ...point(0, 0), energy: Number.NaN }))).toEqual(['energy']);
  });
  it('lets a level-preserving arc’s values leave [0, 1]: only t is bounded', () => {
    expect(ArcPoint.safeParse(point(0, 0, -0.2)).success).toBe(true);
  });
  it('names the two reasons a film has no arc, and no other', () => {
    const arc = {
      imdbId: 'tt0133189',
      featuredTracks: 1,
      points: null,
      levelPoints: null,
      vector: null,
      range: null,
      flags: ['few-featured-tracks'],
    };
    expect(FilmArc.safeParse(arc).success).toBe(true);
    expect(FilmArc.safeParse({ ...arc, flags: ['no-featured-tracks'] }).success).toBe(true);
    expect(paths(FilmArc.safeParse({ ...arc, flags: ['no-soundtrack'] }))).toEqual(['flags.0']);
  });
  it('orders the features as every vector does', () => {
    expect(FeatureNameSchema.options).toEqual(['valence', 'energy', 'danceability', 'tempo']);
  });
});

describe('tracks between stages', () => {
  it('carries the film’s id on every credited track, and features or null on a featured one', () => {
    const credited = { imdbId: 'tt0133189', position: 1, title: 'x', performers: ['A'], remixers: [], uncredited: false };
    expect(CreditedTrack.safeParse(credited).success).toBe(true);
    expect(paths(CreditedTrack.safeParse({ ...credited, imdbId: 'SLC Punk' }))).toEqual(['imdbId']);
    const featured = { ...credited, genres: [], unknownArtists: [], contributingTags: [], unmappedTags: [], features: null };
    expect(FeaturedTrack.safeParse(featured).success).toBe(true);
    expect(paths(FeaturedTrack.safeParse({ ...featured, features: { valence: 2, energy: 0, danceability: 0, tempo: 100 } }))).toEqual([
      'features.valence',
    ]);
  });
});

describe('clusters and the tests on them', () => {
  const clusters = {
    k: 2,
    assignments: [{ imdbId: 'tt0133189', cluster: 1 }],
    unclustered: [],
    explainedVariance: [0.6, 0.3],
    components: 2,
    inertia: 1.5,
    kEvidence: [{ k: 2, inertia: 1.5, silhouette: 0.4 }],
    nearest: { tt0133189: [{ imdbId: 'tt0120238', distance: 1 }] },
    clusterDistances: [
      [0, 1],
      [1, 0],
    ],
  };
  it('numbers archetypes from 1, as the pages name them', () => {
    expect(ClusterResult.safeParse(clusters).success).toBe(true);
    expect(paths(ClusterResult.safeParse({ ...clusters, assignments: [{ imdbId: 'tt0133189', cluster: 0 }] }))).toEqual([
      'assignments.0.cluster',
    ]);
    expect(paths(ClusterResult.safeParse({ ...clusters, nearest: { x: [] } }))).toEqual(['nearest.x']);
  });
  it('holds a null model to reordering whole runs, with every p a share', () => {
    const row = { k: 2, silhouette: 0.4, nullMean: 0.3, nullP95: 0.45, p: 0.2, pError: 0.01, beyondChance: false };
    const model = {
      draws: 500,
      reduced: false,
      significance: 0.05,
      shuffle: 'blocks',
      byK: [row],
      songLevel: null,
      verdict: { chosenK: 2, chosenP: 0.2, beyondChance: false, otherKBeyondChance: [], text: '…' },
    };
    expect(NullModel.safeParse(model).success).toBe(true);
    expect(paths(NullModel.safeParse({ ...model, shuffle: 'songs' }))).toEqual(['shuffle']);
    expect(paths(NullModel.safeParse({ ...model, byK: [{ ...row, p: 1.2 }] }))).toEqual(['byK.0.p']);
    expect(paths(NullModel.safeParse({ ...model, verdict: { ...model.verdict, chosenP: -0.1 } }))).toEqual(['verdict.chosenP']);
  });
  it('reads stability in four words, one for an archetype of a single film', () => {
    expect(StabilityReading.options).toEqual(['stable', 'fragile', 'dissolved', 'single']);
    const archetype = { archetype: 1, jaccard: 1.01, dissolved: 0, baseline: { mean: 0.3, p95: 0.5 }, reading: 'single', size: 1 };
    const stability = {
      resamples: 200,
      reduced: false,
      thresholds: { stable: 0.75, dissolved: 0.5 },
      baselineDraws: 200,
      archetypes: [archetype],
      films: [],
      coAssignment: null,
      coAssignmentFilms: [],
      pairs: [],
      strays: [],
    };
    expect(paths(Stability.safeParse(stability))).toEqual(['archetypes.0.jaccard']);
    expect(Stability.safeParse({ ...stability, archetypes: [{ ...archetype, jaccard: 1 }] }).success).toBe(true);
  });
  it('lets a study archetype match nothing, with no name', () => {
    expect(StudyMatch.safeParse({ name: null, jaccard: 0, shared: [], studySize: 0, keepsStudyName: false }).success).toBe(true);
  });
});

describe('the line-up and the map', () => {
  it('places the real arc at an index from 0', () => {
    const lineup = { imdbId: 'tt0133189', runs: 5, songs: 8, realIndex: 0, arcs: [[point(0, 0)]] };
    expect(Lineup.safeParse(lineup).success).toBe(true);
    expect(paths(Lineup.safeParse({ ...lineup, realIndex: -1 }))).toEqual(['realIndex']);
  });
  it('names how the map was made, or that there is none', () => {
    const map = { method: 'none', perplexity: 0, points: [] };
    for (const method of ['tsne-js', 'exact-tsne', 'barnes-hut-tsne', 'none'])
      expect(MapResult.safeParse({ ...map, method }).success).toBe(true);
    expect(paths(MapResult.safeParse({ ...map, method: 'umap' }))).toEqual(['method']);
  });
});
