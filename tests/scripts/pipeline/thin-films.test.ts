import { beforeAll, describe, expect, it } from 'vitest';
import { featuredTrack, mood } from '../../support/tracks.ts';
import { defaultConfig } from '../../../scripts/config.ts';
import { analyse } from '../../../scripts/pipeline/analyse.ts';
import { readInputs } from '../../../scripts/pipeline/inputs.ts';
import { buildArcs } from '../../../scripts/stages/arcs.ts';
import type { Story } from '../../../scripts/schemas.ts';

const track = featuredTrack;
const options = { steps: 10, scaling: 'per-film' as const, minFeaturedTracks: 3 };

describe('buildArcs sets thin films apart', () => {
  it('gives a film of two featured songs no arc, flagged few-featured-tracks (its range kept)', () => {
    const two = {
      imdbId: 'tt0000001',
      tracks: [
        track('tt0000001', 1, mood(0.2, 0.3, 0.4, 100)),
        track('tt0000001', 2, null),
        track('tt0000001', 3, mood(0.8, 0.7, 0.6, 140)),
      ],
    };
    const three = { imdbId: 'tt0000002', tracks: [1, 2, 3].map((p) => track('tt0000002', p, mood(0.1 * p, 0.5, 0.5, 100 + p))) };
    const none = { imdbId: 'tt0000003', tracks: [track('tt0000003', 1, null)] };
    const { arcs } = buildArcs([two, three, none], options);
    expect(arcs[0]).toMatchObject({
      imdbId: 'tt0000001',
      featuredTracks: 2,
      vector: null,
      points: null,
      levelPoints: null,
      flags: ['few-featured-tracks'],
    });
    expect(arcs[0].range!.valence).toEqual({ min: 0.2, max: 0.8 });
    // Three featured songs are enough.
    expect(arcs[1].flags).toEqual([]);
    expect(arcs[1].vector).toHaveLength(40);
    expect(arcs[2]).toMatchObject({ featuredTracks: 0, vector: null, range: null, flags: ['no-featured-tracks'] });
  });
  it('draws the line at minFeaturedTracks itself', () => {
    const two = { imdbId: 'tt0000001', tracks: [1, 2].map((p) => track('tt0000001', p, mood(0.3 * p, 0.5, 0.5, 100))) };
    expect(buildArcs([two], { ...options, minFeaturedTracks: 2 }).arcs[0].vector).toHaveLength(40);
    expect(buildArcs([two], { ...options, minFeaturedTracks: 3 }).arcs[0].vector).toBeNull();
  });
});

describe('the pipeline on data/', () => {
  let story: Story;
  beforeAll(() => {
    // The shipped method, but for fewer simulated worlds: this is about the films, the null model and stability.
    story = analyse(readInputs('data'), {
      ...defaultConfig,
      calibrationWorlds: 10,
      powerStrengths: [0, 2],
      powerWorldsPerStrength: 4,
    }).story;
  }, 240_000);

  it('leaves every film with too few featured songs out of every part of the analysis', () => {
    const min = story.method.minFeaturedTracks;
    expect(min).toBe(defaultConfig.minFeaturedTracks);
    const thin = story.films.filter((f) => f.coverage.withFeatures < min);
    // data/ holds thin films (one or two featured songs): the checks below are not vacuous.
    expect(thin.length).toBeGreaterThan(0);
    for (const film of thin) {
      expect(film.archetype, film.imdbId).toBeNull();
      expect(film.confidence, film.imdbId).toBeNull();
      expect(film.arc, film.imdbId).toBeNull();
      expect(film.levelArc, film.imdbId).toBeNull();
      expect(film.map, film.imdbId).toBeNull();
      expect(film.orderSignal, film.imdbId).toBeNull();
      expect(film.shape, film.imdbId).toBeNull();
      expect(film.nearest, film.imdbId).toEqual([]);
      expect(
        film.flags.some((f) => f === 'few-featured-tracks' || f === 'no-featured-tracks'),
        film.imdbId,
      ).toBe(true);
      for (const cluster of story.archetypes) expect(cluster.members).not.toContain(film.imdbId);
      for (const other of story.films) expect(other.nearest.map((n) => n.imdbId)).not.toContain(film.imdbId);
    }
    // thinFilms is exactly these films; every other film is clustered.
    expect([...story.analysis.thinFilms].sort()).toEqual(thin.map((f) => f.imdbId).sort());
    expect(story.analysis.clusteredFilms + story.analysis.thinFilms.length).toBe(story.films.length);
    for (const film of story.films.filter((f) => f.coverage.withFeatures >= min)) {
      expect(film.archetype, film.imdbId).not.toBeNull();
      expect(film.arc, film.imdbId).not.toBeNull();
      expect(film.map, film.imdbId).not.toBeNull();
    }
    // The stability matrix covers the clustered films only.
    if (story.analysis.stability.coAssignment)
      expect(story.analysis.stability.coAssignmentFilms).toHaveLength(story.analysis.clusteredFilms);
  });

  it('reports a null-model row for every k in kEvidence, each p in (0, 1]', () => {
    const nullModel = story.analysis.nullModel;
    expect(nullModel.byK.map((row) => row.k)).toEqual(story.analysis.kEvidence.map((e) => e.k));
    for (const row of nullModel.byK) {
      expect(row.p).toBeGreaterThan(0);
      expect(row.p).toBeLessThanOrEqual(1);
      // p is (1 + count) / (1 + draws): a whole count (up to the story's 6-decimal rounding, ×501).
      const count = row.p * (1 + nullModel.draws) - 1;
      expect(Math.abs(count - Math.round(count))).toBeLessThan(1e-3);
      // The real silhouette reported is the clustering's own.
      expect(row.silhouette).toBeCloseTo(story.analysis.kEvidence.find((e) => e.k === row.k)!.silhouette, 6);
      expect(row.beyondChance).toBe(row.p < nullModel.significance);
    }
    expect(nullModel.songLevel!.k).toBe(story.analysis.k);
    expect(nullModel.verdict.chosenK).toBe(story.analysis.k);
  });

  it('draws 500 shuffled orders and 200 stability resamples (a catalogue this size is never reduced)', () => {
    expect(story.analysis.clusteredFilms).toBeLessThanOrEqual(defaultConfig.resamplingFullUpTo);
    expect(story.analysis.nullModel.draws).toBe(500);
    expect(story.analysis.nullModel.reduced).toBe(false);
    expect(story.analysis.stability.resamples).toBe(200);
    expect(story.analysis.stability.reduced).toBe(false);
    expect(story.method.nullModelDraws).toBe(500);
    expect(story.method.stabilityResamples).toBe(200);
  });
});
