import { describe, expect, it } from 'vitest';
import type { FeaturedTrack, FeatureRanges, FilmArc } from '../../../scripts/schemas.ts';
import { coverageOf, narrowFeatures, rangeComparison } from '../../../scripts/stages/story-films.ts';

const span = (width: number, tempo = 40): FeatureRanges => ({
  valence: { min: 0.2, max: 0.2 + width },
  energy: { min: 0, max: width },
  danceability: { min: 0.5, max: 0.5 + width / 2 },
  tempo: { min: 100, max: 100 + tempo },
});
const arc = (imdbId: string, range: FeatureRanges | null, clustered = true) =>
  ({ imdbId, range, vector: clustered ? [0] : null }) as unknown as FilmArc;

describe('rangeComparison', () => {
  const arcs = [arc('a', span(0.1)), arc('b', span(0.2)), arc('c', span(0.4)), arc('thin', span(0.8), false)];
  const compare = rangeComparison(arcs);

  it('sets a range against the widest film’s, thin films included', () => {
    expect(compare(span(0.4)).valence.share).toBeCloseTo(0.5, 12);
  });

  it('counts the clustered films strictly narrower, ties not counted', () => {
    expect(compare(span(0.2)).energy.narrowerThan).toBeCloseTo(1 / 3, 12);
    expect(compare(span(0.1)).energy.narrowerThan).toBe(0);
    expect(compare(span(0.5)).energy.narrowerThan).toBe(1);
  });
});

describe('narrowFeatures', () => {
  const dataset = span(1, 100);

  it('names the features a film spans less than the given share of the dataset’s range of', () => {
    expect(narrowFeatures(span(0.1, 90), dataset, 0.25)).toEqual(['valence', 'energy', 'danceability']);
    expect(narrowFeatures(span(0.5, 10), dataset, 0.25)).toEqual(['tempo']);
  });

  it('names none without a dataset range, or where the dataset does not vary', () => {
    expect(narrowFeatures(span(0.1), null, 0.25)).toEqual([]);
    expect(narrowFeatures(span(0), span(0, 0), 0.25)).toEqual([]);
  });
});

describe('coverageOf', () => {
  it('counts entries with a performer, with genres and with mood features', () => {
    const track = (performers: number, genres: number, features: boolean) =>
      ({
        performers: Array(performers).fill('X'),
        genres: Array(genres).fill('punk'),
        features: features ? {} : null,
      }) as unknown as FeaturedTrack;
    expect(coverageOf([track(1, 1, true), track(1, 0, false), track(0, 0, false)])).toEqual({
      entries: 3,
      withPerformer: 2,
      withGenres: 1,
      withFeatures: 1,
    });
  });
});
