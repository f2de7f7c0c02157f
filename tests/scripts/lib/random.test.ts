import { describe, expect, it } from 'vitest';
import { randomInt, randomNormal, seededRandom, withSeededMathRandom } from '../../../scripts/lib/random.ts';

const draws = (seed: number, n: number) => Array.from({ length: n }, seededRandom(seed));

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(7, 5)).toEqual(draws(7, 5));
    expect(draws(7, 5)).not.toEqual(draws(8, 5));
  });

  it('is mulberry32 to the bit, as published (unsigned state), for seeds on both sides of 2³¹', () => {
    const reference = (seed: number) => {
      let state = seed >>> 0;
      return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    for (const seed of [0, 7, 2 ** 31 - 1, 2 ** 31 + 5, 4294967295]) {
      expect(draws(seed, 2000)).toEqual(Array.from({ length: 2000 }, reference(seed)));
    }
  });

  it('draws in [0, 1) and covers it evenly', () => {
    const values = draws(1, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('randomInt and randomNormal', () => {
  it('gives every integer below n and no other', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => randomInt(random, 6)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('draws normals with mean 0 and standard deviation 1', () => {
    const random = seededRandom(5);
    const values = Array.from({ length: 20_000 }, () => randomNormal(random));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('withSeededMathRandom', () => {
  it('makes Math.random repeatable inside, and restores it after', () => {
    const original = Math.random;
    const first = withSeededMathRandom(11, () => [Math.random(), Math.random()]);
    const second = withSeededMathRandom(11, () => [Math.random(), Math.random()]);
    expect(first).toEqual(second);
    expect(Math.random).toBe(original);
  });
});
