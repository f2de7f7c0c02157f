import { describe, expect, it } from 'vitest';
import { featuredTrack, mood } from '../../support/tracks.ts';
import { arcFromSamples, arcSamples, buildArcs, featureRange, interpolate, scale } from '../../../scripts/stages/arcs.ts';
import type { FeaturedTrack, Mood } from '../../../scripts/schemas.ts';

const track = (position: number, features: Mood | null): FeaturedTrack => featuredTrack('tt0000001', position, features);

describe('interpolate (numpy.interp)', () => {
  it('is linear between known points and flat beyond them', () => {
    const xs = [0.25, 0.75];
    const ys = [0, 1];
    expect(interpolate(xs, ys, 0)).toBe(0);
    expect(interpolate(xs, ys, 0.25)).toBe(0);
    expect(interpolate(xs, ys, 0.5)).toBeCloseTo(0.5, 12);
    expect(interpolate(xs, ys, 0.625)).toBeCloseTo(0.75, 12);
    expect(interpolate(xs, ys, 1)).toBe(1);
  });
  it('holds a single point everywhere', () => {
    expect(interpolate([0.4], [0.7], 0)).toBe(0.7);
    expect(interpolate([0.4], [0.7], 1)).toBe(0.7);
  });
});

describe('min-max scaling', () => {
  it('maps the range onto 0–1 and a constant feature to 0', () => {
    expect(scale(5, { min: 0, max: 10 })).toBe(0.5);
    expect(scale(3, { min: 3, max: 3 })).toBe(0);
  });
});

describe('arc samples', () => {
  it('places a track by its index among all listed entries over the last index', () => {
    // Five entries, features on the 1st, 3rd and 5th: places 0, 0.5 and 1.
    const tracks = [track(1, mood(0, 0, 0, 100)), track(2, null), track(3, mood(1, 1, 1, 120)), track(4, null), track(5, mood(0.5, 0, 0, 110))];
    expect(arcSamples(tracks).map((s) => s.t)).toEqual([0, 0.5, 1]);
  });
});

describe('an arc worked out by hand', () => {
  // Valence 0.2 → 0.6 → 0.4 at places 0, 0.5, 1; min-max within the film: 0, 1, 0.5.
  // Three steps (0, 0.5, 1) give exactly those; five steps add midpoints 0.5 and 0.75.
  const samples = [
    { t: 0, mood: mood(0.2, 0.9, 0.5, 100) },
    { t: 0.5, mood: mood(0.6, 0.9, 0.5, 140) },
    { t: 1, mood: mood(0.4, 0.9, 0.5, 120) },
  ];
  it('scales within the film and interpolates onto the steps', () => {
    const { points } = arcFromSamples(samples, 5, featureRange(samples));
    expect(points.map((p) => p.t)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(points.map((p) => p.valence)).toEqual([0, 0.5, 1, 0.75, 0.5].map((v) => expect.closeTo(v, 12)));
    // Tempo 100, 140, 120 → 0, 1, 0.5.
    expect(points.map((p) => p.tempo)).toEqual([0, 0.5, 1, 0.75, 0.5].map((v) => expect.closeTo(v, 12)));
    // Energy never changes: a constant feature is 0 throughout.
    expect(points.every((p) => p.energy === 0)).toBe(true);
  });
  it('flattens the four features into one vector, feature by feature', () => {
    const { vector } = arcFromSamples(samples, 3, featureRange(samples));
    expect(vector).toHaveLength(12);
    expect(vector.slice(0, 3)).toEqual([0, 1, 0.5].map((v) => expect.closeTo(v, 12)));
  });
});

describe('buildArcs', () => {
  const quiet = { imdbId: 'tt0000001', tracks: [track(1, mood(0.1, 0.1, 0.1, 80)), track(2, mood(0.2, 0.2, 0.2, 90))] };
  const loud = { imdbId: 'tt0000002', tracks: [track(1, mood(0.8, 0.8, 0.8, 160)), track(2, mood(0.9, 0.9, 0.9, 170))] };
  const empty = { imdbId: 'tt0000003', tracks: [track(1, null)] };

  it('per-film scaling makes a quiet and a loud film with the same rise identical', () => {
    const { arcs } = buildArcs([quiet, loud], { steps: 3, scaling: 'per-film', minFeaturedTracks: 2 });
    expect(arcs[0].vector).not.toBeNull();
    expect(arcs[0].vector).toEqual(arcs[1].vector);
    // The level survives in the level-preserving arc kept for display, and in the raw range.
    expect(arcs[0].levelPoints).not.toEqual(arcs[1].levelPoints);
    expect(arcs[0].range!.valence).toEqual({ min: 0.1, max: 0.2 });
  });
  it('level-preserving scaling keeps them apart', () => {
    const { arcs } = buildArcs([quiet, loud], { steps: 3, scaling: 'level-preserving', minFeaturedTracks: 2 });
    expect(arcs[0].vector).not.toEqual(arcs[1].vector);
    expect(arcs[0].points![0].energy).toBeCloseTo(0, 12);
    expect(arcs[1].points![2].energy).toBeCloseTo(1, 12);
  });
  it('sets apart films with fewer featured tracks than the minimum: flagged, with no arc, but with their range', () => {
    const { arcs } = buildArcs([quiet, empty], { steps: 3, scaling: 'per-film', minFeaturedTracks: 3 });
    expect(arcs[0]).toMatchObject({ featuredTracks: 2, points: null, levelPoints: null, vector: null, flags: ['few-featured-tracks'] });
    expect(arcs[0].range!.tempo).toEqual({ min: 80, max: 90 });
    expect(arcs[1]).toMatchObject({ featuredTracks: 0, points: null, vector: null, flags: ['no-featured-tracks'] });
  });
});

describe('ArcBuilder (the resampling stages’ fast path)', () => {
  it('gives exactly arcFromSamples when every track is kept in order', async () => {
    const { ArcBuilder } = await import('../../../scripts/stages/arcs.ts');
    const samples = [0, 0.2, 0.5, 0.9, 1].map((t, i) => ({ t, mood: mood(0.1 * i, 0.9 - 0.15 * i, (i % 2) * 0.7, 90 + 13 * i) }));
    const builder = new ArcBuilder([samples], 10, null);
    const all = Int32Array.from([0, 1, 2, 3, 4]);
    const out = new Array<number>(40).fill(-1);
    builder.write(0, all, all, 5, out);
    expect(out).toEqual(arcFromSamples(samples, 10, featureRange(samples)).vector.map((v) => expect.closeTo(v, 12)));
  });
  it('drops tracks not drawn and rescales on what is left', async () => {
    const { ArcBuilder } = await import('../../../scripts/stages/arcs.ts');
    const samples = [0, 0.5, 1].map((t, i) => ({ t, mood: mood([0.2, 0.8, 0.5][i], 0.5, 0.5, 100) }));
    const builder = new ArcBuilder([samples], 3, null);
    // Tracks 0 and 2 kept: track 1 (the peak) is gone; valence 0.2 → 0.5 scales to 0 → 1.
    const kept = Int32Array.from([0, 2]);
    const out = new Array<number>(12).fill(-1);
    builder.write(0, kept, kept, 2, out);
    expect(out.slice(0, 3)).toEqual([0, 0.5, 1].map((v) => expect.closeTo(v, 12)));
  });
  it('keeps the places and moves the moods when shuffled', async () => {
    const { ArcBuilder } = await import('../../../scripts/stages/arcs.ts');
    const samples = [0, 0.5, 1].map((t, i) => ({ t, mood: mood([0.2, 0.8, 0.5][i], 0.5, 0.5, 100) }));
    const builder = new ArcBuilder([samples], 3, null);
    const out = new Array<number>(12).fill(-1);
    // Moods reversed across the same three places: valence 0.5, 0.8, 0.2 → 0.5, 1, 0.
    builder.write(0, Int32Array.from([0, 1, 2]), Int32Array.from([2, 1, 0]), 3, out);
    expect(out.slice(0, 3)).toEqual([0.5, 1, 0].map((v) => expect.closeTo(v, 12)));
  });
});
