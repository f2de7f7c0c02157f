import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../scripts/config.ts';
import { bestKMeans, canonicalLabels, clusterArcs } from '../../../scripts/stages/clusters.ts';
import { reduceArcs } from '../../../scripts/stages/reduce.ts';
import { arcFromSamples, featureRange, type ArcSample } from '../../../scripts/stages/arcs.ts';
import type { FilmArc } from '../../../scripts/schemas.ts';

describe('KMeans', () => {
  const blobs = [
    [0, 0],
    [0.2, 0.1],
    [0.1, 0.3],
    [10, 10],
    [10.2, 9.9],
    [9.8, 10.1],
  ];
  it('splits two obvious blobs, whatever the seed', () => {
    for (const seed of [1, 2, 3]) {
      const fit = bestKMeans(blobs, 2, { restarts: 5, seed, maxIterations: 100 });
      expect(canonicalLabels(fit.labels).labels).toEqual([1, 1, 1, 2, 2, 2]);
    }
  });
  it('numbers clusters in order of their first member', () => {
    expect(canonicalLabels([4, 4, 0, 2, 0]).labels).toEqual([1, 1, 2, 3, 2]);
  });
});

describe('clusterArcs', () => {
  // Six films: three rising arcs, three falling ones, each with a little wobble.
  const rising = (w: number): ArcSample[] =>
    [0, 0.25, 0.5, 0.75, 1].map((t, i) => ({
      t,
      mood: { valence: i / 4 + (i === 2 ? w : 0), energy: i / 4, danceability: i / 4, tempo: 100 + 10 * i },
      artists: `A${i}`,
    }));
  const falling = (w: number): ArcSample[] =>
    [0, 0.25, 0.5, 0.75, 1].map((t, i) => ({
      t,
      mood: { valence: 1 - i / 4 + (i === 2 ? w : 0), energy: 1 - i / 4, danceability: 1 - i / 4, tempo: 140 - 10 * i },
      artists: `A${i}`,
    }));
  const samples = [rising(0), falling(0), rising(0.05), falling(0.04), rising(-0.05), falling(-0.03)];
  const arcs: FilmArc[] = samples.map((s, i) => {
    const { points, vector } = arcFromSamples(s, 10, featureRange(s));
    return { imdbId: `tt000000${i + 1}`, featuredTracks: s.length, points, levelPoints: points, vector, range: featureRange(s), flags: [] };
  });
  const config = { ...defaultConfig, k: 2, kRange: { min: 2, max: 4 }, kmeansRestarts: 10 };

  it('groups the rising films apart from the falling ones, best at k = 2', () => {
    const result = clusterArcs(reduceArcs(arcs, config), config);
    expect(result.assignments.map((a) => a.cluster)).toEqual([1, 2, 1, 2, 1, 2]);
    const best = [...result.kEvidence].sort((a, b) => b.silhouette - a.silhouette)[0];
    expect(best.k).toBe(2);
    // Its two nearest films are the other rising ones.
    expect(
      result.nearest.tt0000001
        .slice(0, 2)
        .map((n) => n.imdbId)
        .sort(),
    ).toEqual(['tt0000003', 'tt0000005']);
  });
  it('gives the same answer twice', () => {
    const a = clusterArcs(reduceArcs(arcs, config), config);
    const b = clusterArcs(reduceArcs(arcs, config), config);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
  it('leaves films without an arc out of every cluster', () => {
    const withEmpty = [
      ...arcs,
      {
        imdbId: 'tt0000009',
        featuredTracks: 0,
        points: null,
        levelPoints: null,
        vector: null,
        range: null,
        flags: ['no-featured-tracks' as const],
      },
    ];
    const result = clusterArcs(reduceArcs(withEmpty, config), config);
    expect(result.unclustered).toEqual(['tt0000009']);
    expect(result.assignments.map((a) => a.imdbId)).not.toContain('tt0000009');
  });
});
