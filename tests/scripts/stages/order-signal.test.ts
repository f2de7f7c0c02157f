import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { blockShuffleInto, runBuffers } from '../../../scripts/stages/blocks.ts';
import { shuffleInto } from '../../../scripts/stages/arcs.ts';
import { featureScale, filmReorderings, meanChange, orderSignal, zScores } from '../../../scripts/stages/order-signal.ts';
import type { Mood } from '../../../scripts/schemas.ts';

const mood = (valence: number, energy: number, danceability: number, tempo: number): Mood => ({ valence, energy, danceability, tempo });
/** Runs of single songs: every song its own artist. */
const singles = (moods: Mood[]) => moods.map(() => 1);

describe('meanChange', () => {
  // Three songs as z-scores: (0,0,0,0), (1,2,0,−1), (1,0,0,1).
  const z = new Float64Array([0, 0, 0, 0, 1, 2, 0, -1, 1, 0, 0, 1]);
  it('matches a three-song case worked out by hand', () => {
    // 0→1: 1 + 2 + 0 + 1 = 4; 1→2: 0 + 2 + 0 + 2 = 4; 8 over 4 features × 2 pairs = 1.
    expect(meanChange(z, [0, 1, 2], 3)).toBe(1);
    // Order 0, 2, 1: 0→2: 1 + 0 + 0 + 1 = 2; 2→1: 4; 6 / 8 = 0.75.
    expect(meanChange(z, [0, 2, 1], 3)).toBe(0.75);
    // Only the first `count` of the order are read.
    expect(meanChange(z, [0, 1, 2], 2)).toBe(1);
  });
  it('is 0 for fewer than two songs', () => {
    expect(meanChange(z, [0], 1)).toBe(0);
    expect(meanChange(z, [], 0)).toBe(0);
  });
});

describe('filmReorderings', () => {
  // Nine songs in four runs, with moods that differ song by song.
  const runs = [3, 1, 4, 1];
  const random = seededRandom(5);
  const z = Float64Array.from({ length: 9 * 4 }, () => random() * 4 - 2);

  it('draws, run by run, the change of the very orders a block shuffle of the same generator makes', () => {
    const drawn = filmReorderings(z, runs, { reordering: 'blocks', shuffles: 50 }, seededRandom(8));
    const again = seededRandom(8);
    const order = new Int32Array(9);
    const expected = Array.from({ length: 50 }, () => meanChange(z, blockShuffleInto(order, runs, again, runBuffers(4)), 9));
    // Summed pair by pair rather than feature by feature: equal to rounding.
    drawn.draws.forEach((value, s) => expect(value).toBeCloseTo(expected[s], 12));
    expect(drawn.real).toBe(meanChange(z, [0, 1, 2, 3, 4, 5, 6, 7, 8], 9));
    expect(drawn.atMost).toBe(expected.filter((v) => v <= drawn.real + 1e-12).length);
  });

  it('draws single-song orders the same way for the withdrawn test', () => {
    const drawn = filmReorderings(z, runs, { reordering: 'songs', shuffles: 50 }, seededRandom(9));
    const again = seededRandom(9);
    const order = new Int32Array(9);
    drawn.draws.forEach((value) => expect(value).toBeCloseTo(meanChange(z, shuffleInto(order, 9, again), 9), 12));
  });

  it('gives a film of one song no change, in every draw', () => {
    expect(Array.from(filmReorderings(new Float64Array(4), [1], { reordering: 'blocks', shuffles: 3 }, seededRandom(1)).draws)).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('featureScale and zScores', () => {
  it('uses the population standard deviation; a constant feature scores 0', () => {
    const moods = [mood(0, 0.5, 1, 100), mood(1, 0.5, 3, 140)];
    const scale = featureScale(moods);
    expect(scale.mean).toEqual([0.5, 0.5, 2, 120]);
    expect(scale.sd).toEqual([0.5, 0, 1, 20]);
    expect(Array.from(zScores(moods, scale))).toEqual([-1, 0, -1, -1, 1, 0, 1, 1]);
  });
});

describe('orderSignal', () => {
  // Valence 0.1 … 1.0 in order: every neighbour is as alike as neighbours can be.
  const sorted = Array.from({ length: 10 }, (_, i) => mood(0.1 * (i + 1), 0.5, 0.5, 120));
  const same = Array.from({ length: 6 }, () => mood(0.4, 0.6, 0.7, 110));
  const films = [
    { imdbId: 'tt0000001', moods: sorted, runs: singles(sorted) },
    { imdbId: 'tt0000002', moods: same, runs: singles(same) },
  ];
  const allMoods = [...sorted, ...same];
  const result = orderSignal({ films, allMoods, shuffles: 1000, seed: 13, significance: 0.05 });
  const [smooth, flat] = result.films;

  it('finds a film sorted song by song smoother than chance', () => {
    expect(smooth.songs).toBe(10);
    // Only the sorted order and its reverse are as smooth (2 of 10! orders).
    expect(smooth.orderP).toBeLessThan(0.05);
    expect(smooth.smootherThan).toBeGreaterThan(0.95);
    expect(smooth.change).toBeLessThan(smooth.shuffledChange);
    // By hand: each step of 0.1 in valence, in z-scores over all 16 songs; the other features change by 0.
    const scale = featureScale(allMoods);
    expect(smooth.change).toBeCloseTo(0.1 / scale.sd[0] / 4, 12);
  });

  it('gives a film of identical songs order_p = 1: every shuffle ties', () => {
    expect(flat.change).toBe(0);
    expect(flat.shuffledChange).toBe(0);
    expect(flat.orderP).toBe(1);
    expect(flat.smootherThan).toBe(0);
  });

  it('reads the whole set against the same shuffles', () => {
    expect(result.shuffles).toBe(1000);
    // Identical songs count as ratio 1; the sorted film's ratio is well below.
    expect(result.overall.ratio).toBeCloseTo((smooth.change / smooth.shuffledChange + 1) / 2, 12);
    expect(result.overall.ratio).toBeLessThan(1);
    expect(result.overall.p).toBeLessThan(0.05);
    expect(result.overall.filmsBelowSignificance).toBe(1);
    expect(result.overall.filmsTested).toBe(2);
    expect(result.overall.expectedByChance).toBeCloseTo(0.1, 12);
    expect(result.overall.shuffle).toBe('blocks');
  });

  it('finds films in a random order no smoother than chance, as often as chance says', () => {
    // Forty films of twelve random songs each: order_p is about uniform, so about 5% fall below
    // 0.05 (one film alone may land anywhere: seed 99 gives 0.004, as 0.4% of films should).
    const random = seededRandom(99);
    const randomFilms = Array.from({ length: 40 }, (_, f) => ({
      imdbId: `tt${String(f + 10).padStart(7, '0')}`,
      moods: Array.from({ length: 12 }, () => mood(random(), random(), random(), 80 + 80 * random())),
      runs: Array.from({ length: 12 }, () => 1),
    }));
    const out = orderSignal({
      films: randomFilms,
      allMoods: randomFilms.flatMap((f) => f.moods),
      shuffles: 500,
      seed: 13,
      significance: 0.05,
    });
    expect(out.overall.expectedByChance).toBeCloseTo(2, 12);
    expect(out.overall.filmsBelowSignificance).toBeLessThanOrEqual(6);
    const meanP = out.films.reduce((s, f) => s + f.orderP, 0) / out.films.length;
    expect(meanP).toBeGreaterThan(0.35);
    expect(meanP).toBeLessThan(0.65);
    expect(out.overall.p).toBeGreaterThan(0.05);
    expect(out.overall.ratio).toBeGreaterThan(0.9);
    expect(out.overall.ratio).toBeLessThan(1.1);
    for (const f of out.films) {
      // order_p and smootherThan read the same count: p = (1 + atMost) / (1 + N), smootherThan = 1 − atMost / N.
      const atMost = (1 - f.smootherThan) * 500;
      expect(f.orderP).toBeCloseTo((1 + atMost) / 501, 9);
    }
  });

  it('finds a film whose neighbours are as unlike as possible rougher than chance', () => {
    // 0.1, 1.0, 0.2, 0.9, … alternates extremes.
    const zigzag = [0, 9, 1, 8, 2, 7, 3, 6, 4, 5].map((i) => sorted[i]);
    const out = orderSignal({
      films: [{ imdbId: 'tt0000004', moods: zigzag, runs: singles(zigzag) }],
      allMoods: zigzag,
      shuffles: 1000,
      seed: 13,
      significance: 0.05,
    });
    expect(out.films[0].orderP).toBeGreaterThan(0.95);
    expect(out.films[0].smootherThan).toBeLessThan(0.05);
  });

  it('is seeded: the same input gives the same output', () => {
    expect(orderSignal({ films, allMoods, shuffles: 200, seed: 13, significance: 0.05 })).toEqual(
      orderSignal({ films, allMoods, shuffles: 200, seed: 13, significance: 0.05 }),
    );
  });
});

describe('artist runs', () => {
  // Two artists, three songs each, listed together: AAABBB. Mood by artist makes each run
  // identical inside, so the order's smoothness is the runs', not the film's.
  const a = mood(0.1, 0.2, 0.3, 90);
  const b = mood(0.9, 0.8, 0.7, 150);
  const moods = [a, a, a, b, b, b];
  const film = { imdbId: 'tt0000005', moods, runs: [3, 3] };
  const result = orderSignal({ films: [film], allMoods: moods, shuffles: 500, seed: 13, significance: 0.05 });

  it('gives a film whose only order is its artist runs no order signal: every reordering of its runs is as smooth', () => {
    expect(result.films[0].runs).toBe(2);
    expect(result.films[0].orderP).toBe(1);
    expect(result.films[0].change).toBeCloseTo(result.films[0].shuffledChange, 12);
    expect(result.overall.filmsBelowSignificance).toBe(0);
  });

  it('where single-song shuffles, which break the runs up, call the same order smoother than chance', () => {
    // Only 2 of the 20 orders of AAABBB keep the runs whole: p = (1 + about 50) / 501.
    expect(result.films[0].songOrderP).toBeLessThan(0.15);
    expect(result.films[0].songOrderP).toBeLessThan(result.films[0].orderP);
    expect(result.songLevel.shuffle).toBe('songs');
    expect(result.songLevel.ratio).toBeLessThan(0.7);
  });
});
