import { describe, expect, it } from 'vitest';
import { featuredTrack, mood } from '../../support/tracks.ts';
import {
  arcFromSamples,
  arcSamples,
  artistKey,
  binMeans,
  buildArcs,
  extrapolatedShare,
  featureRange,
  interpolate,
  scale,
} from '../../../scripts/stages/arcs.ts';
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

describe('binMeans (every song counts)', () => {
  it('averages the line through the songs over each step’s bin, worked by hand', () => {
    // Line 0 → 1 → 0.5 at 0, 0.5, 1; bins [0, .25], [.25, .75], [.75, 1].
    const out = new Float64Array(3);
    binMeans({ xs: [0, 0.5, 1], ys: [0, 1, 0.5], count: 3 }, 3, out);
    expect(Array.from(out)).toEqual([0.25, 0.8125, 0.625].map((v) => expect.closeTo(v, 12)));
  });
  it('holds the line flat before the first song and after the last', () => {
    const out = new Float64Array(2);
    binMeans({ xs: [0.5], ys: [0.7], count: 1 }, 2, out);
    expect(Array.from(out)).toEqual([0.7, 0.7].map((v) => expect.closeTo(v, 12)));
  });
  it('moves when any song moves, where reading the line at the steps’ places does not', () => {
    // The song at 0.1 lies strictly between the steps' places 0 and 0.5 and next to neither's neighbours.
    const xs = [0, 0.1, 0.2, 0.5, 1];
    const base = [0, 0.3, 0.4, 1, 0.2];
    const moved = [0, 0.9, 0.4, 1, 0.2];
    const bins = (ys: number[]) => {
      const out = new Float64Array(3);
      binMeans({ xs, ys, count: 5 }, 3, out);
      return Array.from(out);
    };
    const points = (ys: number[]) => [0, 0.5, 1].map((t) => interpolate(xs, ys, t));
    expect(points(moved)).toEqual(points(base));
    expect(bins(moved)[0]).toBeGreaterThan(bins(base)[0] + 0.1);
  });
});

describe('extrapolated share', () => {
  it('is the listing before the first song with a mood and after the last', () => {
    const samples = [0.4, 0.7, 0.9].map((t) => ({ t, mood: mood(0.5, 0.5, 0.5, 100), artists: 'A' }));
    expect(extrapolatedShare(samples)).toBeCloseTo(0.5, 12);
    expect(extrapolatedShare([])).toBe(1);
  });
});

describe('artistKey', () => {
  it('is the same for the same artists in any order, with remixers counted', () => {
    expect(artistKey({ performers: ['B', 'A'], remixers: [] })).toBe(artistKey({ performers: ['A'], remixers: ['B'] }));
    expect(artistKey({ performers: ['A'], remixers: [] })).not.toBe(artistKey({ performers: ['A', 'B'], remixers: [] }));
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
    const tracks = [
      track(1, mood(0, 0, 0, 100)),
      track(2, null),
      track(3, mood(1, 1, 1, 120)),
      track(4, null),
      track(5, mood(0.5, 0, 0, 110)),
    ];
    expect(arcSamples(tracks).map((s) => s.t)).toEqual([0, 0.5, 1]);
  });
});

describe('an arc worked out by hand', () => {
  // Valence 0.2 → 0.6 → 0.4 at places 0, 0.5, 1; min-max within the film: 0, 1, 0.5, so the
  // line is 2t up to 0.5, then 1.5 − t. Five steps: bins [0, ⅛], [⅛, ⅜], [⅜, ⅝], [⅝, ⅞], [⅞, 1].
  const samples = [
    { t: 0, mood: mood(0.2, 0.9, 0.5, 100), artists: 'A' },
    { t: 0.5, mood: mood(0.6, 0.9, 0.5, 140), artists: 'B' },
    { t: 1, mood: mood(0.4, 0.9, 0.5, 120), artists: 'C' },
  ];
  const byHand = [0.125, 0.5, 0.90625, 0.75, 0.5625];
  it('scales within the film and averages the line over each step’s bin', () => {
    const { points } = arcFromSamples(samples, 5, featureRange(samples));
    expect(points.map((p) => p.t)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(points.map((p) => p.valence)).toEqual(byHand.map((v) => expect.closeTo(v, 12)));
    // Tempo 100, 140, 120 → 0, 1, 0.5: the same line.
    expect(points.map((p) => p.tempo)).toEqual(byHand.map((v) => expect.closeTo(v, 12)));
    // Energy never changes: a constant feature is 0 throughout.
    expect(points.every((p) => p.energy === 0)).toBe(true);
  });
  it('reads the line at the steps’ places when asked to read it as the study did', () => {
    const { points } = arcFromSamples(samples, 5, featureRange(samples), 'points');
    expect(points.map((p) => p.valence)).toEqual([0, 0.5, 1, 0.75, 0.5].map((v) => expect.closeTo(v, 12)));
  });
  it('flattens the four features into one vector, feature by feature', () => {
    const { vector } = arcFromSamples(samples, 3, featureRange(samples));
    expect(vector).toHaveLength(12);
    expect(vector.slice(0, 3)).toEqual([0.25, 0.8125, 0.625].map((v) => expect.closeTo(v, 12)));
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
    // Energy 0.1 → 0.2 and 0.8 → 0.9 on the dataset's 0.1–0.9: lines 0 → ⅛ and ⅞ → 1; first bin [0, ¼].
    expect(arcs[0].points![0].energy).toBeCloseTo(0.125 / 8, 12);
    expect(arcs[1].points![2].energy).toBeCloseTo(1 - 0.125 / 8, 12);
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
    const samples = [0, 0.2, 0.5, 0.9, 1].map((t, i) => ({
      t,
      mood: mood(0.1 * i, 0.9 - 0.15 * i, (i % 2) * 0.7, 90 + 13 * i),
      artists: `A${i}`,
    }));
    const builder = new ArcBuilder([samples], 10, null);
    const all = Int32Array.from([0, 1, 2, 3, 4]);
    const out = new Array<number>(40).fill(-1);
    builder.write(0, { places: all, moods: all, count: 5 }, out);
    expect(out).toEqual(arcFromSamples(samples, 10, featureRange(samples)).vector.map((v) => expect.closeTo(v, 12)));
  });
  it('drops tracks not drawn and rescales on what is left', async () => {
    const { ArcBuilder } = await import('../../../scripts/stages/arcs.ts');
    const samples = [0, 0.5, 1].map((t, i) => ({ t, mood: mood([0.2, 0.8, 0.5][i], 0.5, 0.5, 100), artists: `A${i}` }));
    const builder = new ArcBuilder([samples], 3, null);
    // Tracks 0 and 2 kept: track 1 (the peak) is gone; valence 0.2 → 0.5 scales to the line y = t.
    const kept = Int32Array.from([0, 2]);
    const out = new Array<number>(12).fill(-1);
    builder.write(0, { places: kept, moods: kept, count: 2 }, out);
    expect(out.slice(0, 3)).toEqual([0.125, 0.5, 0.875].map((v) => expect.closeTo(v, 12)));
  });
  it('keeps the places and moves the moods when shuffled', async () => {
    const { ArcBuilder } = await import('../../../scripts/stages/arcs.ts');
    const samples = [0, 0.5, 1].map((t, i) => ({ t, mood: mood([0.2, 0.8, 0.5][i], 0.5, 0.5, 100), artists: `A${i}` }));
    const builder = new ArcBuilder([samples], 3, null);
    const out = new Array<number>(12).fill(-1);
    // Moods reversed across the same three places: valence 0.5, 0.8, 0.2 → 0.5, 1, 0; bin means by hand.
    builder.write(0, { places: Int32Array.from([0, 1, 2]), moods: Int32Array.from([2, 1, 0]), count: 3 }, out);
    expect(out.slice(0, 3)).toEqual([0.625, 0.8125, 0.25].map((v) => expect.closeTo(v, 12)));
  });
});

describe('songsTouchingNoStep (what the study’s reading left out)', async () => {
  const { songsTouchingNoStep } = await import('../../../scripts/stages/arcs.ts');
  it('counts a song between two steps whose neighbours are nearer both', () => {
    // Steps at 0, 0.5, 1. The songs at 0.1 and 0.2 lie between 0 and 0.5 with neighbours on both sides closer: unused.
    const samples = [0, 0.1, 0.2, 0.45, 1].map((t) => ({ t, mood: mood(0.5, 0.5, 0.5, 100), artists: 'A' }));
    expect(songsTouchingNoStep(samples, 3)).toBe(2);
    // Every song of an evenly spread film touches a step.
    expect(
      songsTouchingNoStep(
        [0, 0.5, 1].map((t) => ({ t, mood: mood(0.5, 0.5, 0.5, 100), artists: 'A' })),
        3,
      ),
    ).toBe(0);
  });
});
