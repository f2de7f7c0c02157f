import { describe, expect, it } from 'vitest';
import { checkInvariants, type Expected } from '../../../scripts/lib/invariants.ts';
import type { Story } from '../../../scripts/schemas.ts';

const point = (step: number, v: number) => ({ step, t: step / 2, valence: v, energy: v, danceability: v, tempo: v });

/** The fields checkInvariants reads, for two films: one in archetype 1 with an arc, one thin film with none. */
function story() {
  const track = (position: number) => ({ position, features: { valence: 0.5, energy: 0.5, danceability: 0.5, tempo: 120 } });
  return {
    method: { arcScaling: 'per-film', minFeaturedTracks: 3 },
    archetypes: [{ id: 1, members: ['tt0000001'] }],
    films: [
      {
        imdbId: 'tt0000001',
        title: 'Arc Film',
        tracks: [track(1), track(2), track(3)],
        coverage: { entries: 3, withPerformer: 3, withGenres: 3, withFeatures: 3 },
        arc: [point(0, 0), point(1, 0.5), point(2, 1)],
        archetype: 1 as number | null,
        confidence: 0.8 as number | null,
        map: { x: 0, y: 0, pcaX: 0, pcaY: 0 } as object | null,
      },
      {
        imdbId: 'tt0000002',
        title: 'Thin Film',
        tracks: [track(1), { position: 2, features: null }],
        coverage: { entries: 2, withPerformer: 1, withGenres: 1, withFeatures: 1 },
        arc: null as ReturnType<typeof point>[] | null,
        archetype: null as number | null,
        confidence: null as number | null,
        map: null as object | null,
      },
    ],
  };
}
type Fake = ReturnType<typeof story>;
const check = (s: Fake, expected?: Expected) => checkInvariants(s as unknown as Story, expected);
const expected = (
  films = 2,
  listed: [string, number][] = [
    ['tt0000001', 3],
    ['tt0000002', 2],
  ],
): Expected => ({
  films,
  listedTracks: new Map(listed),
});

describe('checkInvariants', () => {
  it('finds nothing wrong with a consistent story', () => {
    expect(check(story(), expected())).toEqual([]);
  });
  it('compares the films and each film’s tracks with what the inputs promised', () => {
    expect(check(story(), expected(3, [['tt0000001', 4]]))).toEqual([
      'the story has 2 films, data/films.csv has 3',
      'tt0000001 (Arc Film): 3 tracks in the story, 4 in its snapshot',
    ]);
  });
  it('names the path of a NaN or an Infinity anywhere in the story', () => {
    const s = story();
    s.films[0].tracks[1].features!.energy = Number.NaN;
    s.films[1].coverage.withPerformer = Infinity;
    const problems = check(s);
    expect(problems).toContain('story.films[0].tracks[1].features.energy is NaN');
    expect(problems).toContain('story.films[1].coverage.withPerformer is Infinity');
  });
  it('catches coverage counts that cannot all be true', () => {
    const s = story();
    s.films[1].coverage.withFeatures = 2;
    s.films[1].coverage.withGenres = 1;
    expect(check(s)).toEqual([
      'tt0000002 (Thin Film): coverage counts are inconsistent ({"entries":2,"withPerformer":1,"withGenres":1,"withFeatures":2})',
    ]);
    const t = story();
    t.films[0].coverage.entries = 4;
    expect(check(t)[0]).toMatch(/^tt0000001 \(Arc Film\): coverage counts are inconsistent/);
  });
  it('holds features to their ranges, naming the track', () => {
    const s = story();
    s.films[0].tracks[0].features!.valence = -0.1;
    s.films[0].tracks[1].features!.tempo = 0;
    s.films[0].tracks[2].features!.tempo = 401;
    expect(check(s)).toEqual([
      'tt0000001 (Arc Film): track 1 valence -0.1 is outside [0, 1]',
      'tt0000001 (Arc Film): track 2 tempo 0 is outside (0, 400]',
      'tt0000001 (Arc Film): track 3 tempo 401 is outside (0, 400]',
    ]);
    const edge = story();
    edge.films[0].tracks[0].features!.tempo = 400;
    edge.films[0].tracks[1].features!.danceability = 1;
    expect(check(edge)).toEqual([]);
  });
  it('holds per-film arcs to [0, 1], up to float noise at either end, but not level-preserving ones', () => {
    const s = story();
    s.films[0].arc![2].energy = 1 + 1e-12;
    s.films[0].arc![0].valence = -1e-12;
    expect(check(s)).toEqual([]);
    s.films[0].arc![1].tempo = 1.2;
    expect(check(s)).toEqual(['tt0000001 (Arc Film): arc step 1 tempo 1.2 is outside [0, 1]']);
    s.method.arcScaling = 'level-preserving';
    expect(check(s)).toEqual([]);
  });
  it('puts every film with an arc in exactly one archetype, and none without', () => {
    const twice = story();
    twice.archetypes.push({ id: 2, members: ['tt0000001'] });
    expect(check(twice)).toEqual(['tt0000001 (Arc Film): has an arc but is in 2 archetypes (must be exactly 1)']);
    const none = story();
    none.archetypes[0].members = [];
    expect(check(none)).toEqual(['tt0000001 (Arc Film): has an arc but is in 0 archetypes (must be exactly 1)']);
    const thinMember = story();
    thinMember.archetypes[0].members.push('tt0000002');
    expect(check(thinMember)).toEqual(['tt0000002 (Thin Film): has no arc but is in 1 archetypes']);
    const unnamed = story();
    unnamed.films[0].archetype = null;
    expect(check(unnamed)).toEqual(['tt0000001 (Arc Film): has an arc but no archetype']);
  });
  it('keeps confidences in [0, 1]', () => {
    const s = story();
    s.films[0].confidence = 1.2;
    expect(check(s)).toEqual(['tt0000001 (Arc Film): confidence 1.2 is outside [0, 1]']);
    s.films[0].confidence = 1;
    expect(check(s)).toEqual([]);
  });
  it('gives a film below the featured-song minimum no arc, archetype or place on the map', () => {
    const s = story();
    s.films[1].map = { x: 1, y: 1, pcaX: 1, pcaY: 1 };
    expect(check(s)).toEqual([
      'tt0000002 (Thin Film): has 1 song(s) with mood features, fewer than 3, yet an arc, an archetype or a place on the map',
    ]);
  });
});
