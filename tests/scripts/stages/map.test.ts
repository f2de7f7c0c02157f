import { describe, expect, it } from 'vitest';
import { defaultConfig, perplexityFor } from '../../../scripts/config.ts';
import { mapFilms, fitToUnit } from '../../../scripts/stages/map.ts';
import { seededRandom, randomNormal } from '../../../scripts/lib/random.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `tt${String(i + 1).padStart(7, '0')}`);
function blobs(n: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => [i % 2 ? 5 : -5, 0, 0].map((c) => c + randomNormal(random)));
}

describe('perplexity', () => {
  it('stays below (n − 1) / 3 for small n and follows √n within [5, 50] otherwise', () => {
    expect(perplexityFor(20, 'auto')).toBe(5);
    expect(perplexityFor(7, 'auto')).toBe(2);
    expect(perplexityFor(2000, 'auto')).toBeCloseTo(44.72, 2);
    expect(perplexityFor(20, 30)).toBeCloseTo(19 / 3, 9);
  });
});

describe('the map', () => {
  it('is the same for the same seed, and Math.random is left as it was', () => {
    const data = blobs(20, 1);
    const before = Math.random;
    for (const tsneEngine of ['auto', 'tsne-js'] as const) {
      const a = mapFilms(ids(20), data, data, { ...defaultConfig, tsneIterations: 300, tsneEngine });
      const b = mapFilms(ids(20), data, data, { ...defaultConfig, tsneIterations: 300, tsneEngine });
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(a.method).toBe(tsneEngine === 'auto' ? 'exact-tsne' : 'tsne-js');
    }
    expect(Math.random).toBe(before);
    const a = mapFilms(ids(20), data, data, { ...defaultConfig, tsneIterations: 300 });
    for (const p of a.points) expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(1);
  });
  it('uses Barnes–Hut above the exact limit', () => {
    const data = blobs(40, 2);
    expect(mapFilms(ids(40), data, data, { ...defaultConfig, tsneIterations: 200, tsneExactMaxFilms: 30 }).method).toBe('barnes-hut-tsne');
  });
  it('scales coordinates so the farthest sits at ±1, centred', () => {
    expect(
      fitToUnit([
        [0, 0],
        [2, 0],
        [4, 2],
      ]),
    ).toEqual(
      [
        [-1, -1 / 3],
        [0, -1 / 3],
        [1, 2 / 3],
      ].map((p) => p.map((v) => expect.closeTo(v, 12))),
    );
  });
});
