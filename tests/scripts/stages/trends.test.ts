import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { blockShuffleInto, runBuffers } from '../../../scripts/stages/blocks.ts';
import { filmTrend, filmTrends, slope, trendWord } from '../../../scripts/stages/trends.ts';
import { mood } from '../../support/tracks.ts';

describe('slope', () => {
  it('is the least-squares slope, worked by hand', () => {
    // (0, 1), (0.5, 2), (1, 4): x̄ = 0.5, ȳ = 7/3; Sxy = (−0.5)(−4/3) + 0 + (0.5)(5/3) = 1.5; Sxx = 0.5.
    expect(slope([0, 0.5, 1], [1, 2, 4], [0, 1, 2], 3)).toBeCloseTo(3, 12);
    // The same values in another order, read through `order`.
    expect(slope([0, 0.5, 1], [4, 2, 1], [2, 1, 0], 3)).toBeCloseTo(3, 12);
    expect(slope([0.5, 0.5], [1, 2], [0, 1], 2)).toBe(0);
  });
});

describe('trendWord', () => {
  it('says rising or falling only beyond chance', () => {
    expect(trendWord(1.2, 0.01, 0.05)).toBe('rising');
    expect(trendWord(-0.4, 0.02, 0.05)).toBe('falling');
    expect(trendWord(2.5, 0.2, 0.05)).toBe('no-trend');
  });
});

describe('filmTrend', () => {
  it('finds a steady rise over twelve songs by twelve artists, and no trend in a flat feature', () => {
    const places = Array.from({ length: 12 }, (_, i) => i / 11);
    const rising = Float64Array.from(places, (t) => 3 * t);
    const flat = new Float64Array(12);
    const trend = filmTrend(
      { places, z: [rising, flat, flat, flat], runs: Array(12).fill(1) },
      { shuffles: 999, significance: 0.05 },
      seededRandom(3),
    );
    expect(trend.valence.slope).toBeCloseTo(3, 12);
    expect(trend.valence.word).toBe('rising');
    expect(trend.valence.p).toBeLessThan(0.01);
    // A constant feature ties with every reordering: p = 1.
    expect(trend.energy).toEqual({ slope: 0, p: 1, word: 'no-trend' });
  });

  it('finds no trend where the rise is two artists’ runs: their only two orders are mirror images', () => {
    // AAAAAA then BBBBBB, B higher: the slope is large, but reordering the two runs gives −slope as often.
    const places = Array.from({ length: 12 }, (_, i) => i / 11);
    const runs = Float64Array.from(places, (_, i) => (i < 6 ? 0 : 1));
    const flat = new Float64Array(12);
    const trend = filmTrend({ places, z: [runs, flat, flat, flat], runs: [6, 6] }, { shuffles: 200, significance: 0.05 }, seededRandom(3));
    expect(trend.valence.slope).toBeGreaterThan(1);
    expect(trend.valence.p).toBe(1);
    expect(trend.valence.word).toBe('no-trend');
  });

  it('counts as extreme exactly the block reorderings whose slope, as `slope` computes it, is at least as steep', () => {
    const random = seededRandom(21);
    const places = Array.from({ length: 11 }, (_, i) => i / 10);
    const z = Array.from({ length: 4 }, () => Float64Array.from(places, () => random() * 2 - 1));
    const runs = [2, 1, 3, 1, 1, 2, 1];
    const trend = filmTrend({ places, z, runs }, { shuffles: 400, significance: 0.05 }, seededRandom(4));
    const again = seededRandom(4);
    const order = new Int32Array(11);
    const identity = places.map((_, i) => i);
    const extreme = [0, 0, 0, 0];
    for (let s = 0; s < 400; s++) {
      blockShuffleInto(order, runs, again, runBuffers(runs.length));
      z.forEach((ys, f) => {
        if (Math.abs(slope(places, ys, order, 11)) >= Math.abs(slope(places, ys, identity, 11)) - 1e-12) extreme[f]++;
      });
    }
    expect([trend.valence.p, trend.energy.p, trend.danceability.p, trend.tempo.p]).toEqual(extreme.map((e) => (1 + e) / 401));
  });

  it('rejects about 5% of random films (two-sided)', () => {
    const random = seededRandom(12);
    const films = Array.from({ length: 60 }, (_, f) => ({
      imdbId: `tt${String(f + 1).padStart(7, '0')}`,
      places: Array.from({ length: 10 }, (_, i) => i / 9),
      moods: Array.from({ length: 10 }, () => mood(random(), random(), random(), 80 + 80 * random())),
      runs: Array(10).fill(1),
    }));
    const trends = filmTrends({ films, allMoods: films.flatMap((f) => f.moods), shuffles: 199, seed: 19, significance: 0.05 });
    const words = trends.flatMap((t) => Object.values(t.trend).map((x) => x.word));
    // 240 tests: about 12 expected.
    expect(words.filter((w) => w !== 'no-trend').length).toBeLessThanOrEqual(22);
  });
});
