import { describe, expect, it } from 'vitest';
import { defaultConfig, drawSeed, drawsFor, perplexityFor, restartsFor } from '../../scripts/config.ts';

describe('the shipped method', () => {
  it('asks for k inside the range of k it reports evidence for', () => {
    expect(defaultConfig.k).toBeGreaterThanOrEqual(defaultConfig.kRange.min);
    expect(defaultConfig.k).toBeLessThanOrEqual(defaultConfig.kRange.max);
  });
  it('never reduces a stage to so few draws that p cannot fall below the significance level', () => {
    // The smallest Monte Carlo p is 1 / (1 + draws).
    expect(1 / (1 + defaultConfig.minResamplingDraws)).toBeLessThan(defaultConfig.significance);
    expect(1 / (1 + defaultConfig.minResamplingDraws - 1)).not.toBeLessThan(defaultConfig.significance);
  });
  it('reads Jaccard stability with "stable" above "dissolved"', () => {
    expect(defaultConfig.jaccard.stable).toBeGreaterThan(defaultConfig.jaccard.dissolved);
  });
});

describe('perplexityFor', () => {
  it('uses √n within [5, 50] when automatic', () => {
    expect(perplexityFor(400, 'auto')).toBe(20);
    expect(perplexityFor(10_000, 'auto')).toBe(50);
    expect(perplexityFor(20, 'auto')).toBe(5);
  });
  it('stays below (n − 1) / 3, configured or not, and at least 1', () => {
    expect(perplexityFor(10, 'auto')).toBe(3);
    expect(perplexityFor(100, 40)).toBe(33);
    expect(perplexityFor(1000, 30)).toBe(30);
    expect(perplexityFor(2, 'auto')).toBe(1);
  });
});

describe('drawsFor', () => {
  const config = { resamplingFullUpTo: 200, minResamplingDraws: 20 };
  it('makes every draw up to the full size', () => {
    expect(drawsFor(200, 500, config)).toBe(500);
    expect(drawsFor(3, 500, config)).toBe(500);
  });
  it('scales draws down as the square of the size above it, never below the minimum', () => {
    expect(drawsFor(400, 500, config)).toBe(125);
    expect(drawsFor(2000, 500, config)).toBe(20);
    expect(drawsFor(1_000_000, 500, config)).toBe(20);
  });
  it('never asks for more draws than were wanted', () => {
    expect(drawsFor(10_000, 10, config)).toBe(10);
  });
});

describe('restartsFor', () => {
  const config = { kmeansRestarts: 10, resamplingFullUpTo: 200 };
  it('keeps every restart up to the full size, then fewer in proportion, at least 3', () => {
    expect(restartsFor(200, config)).toBe(10);
    expect(restartsFor(400, config)).toBe(5);
    expect(restartsFor(2000, config)).toBe(3);
    expect(restartsFor(2000, { ...config, kmeansRestarts: 2 })).toBe(2);
  });
});

describe('drawSeed', () => {
  it('gives each draw of a stage its own unsigned 32-bit seed, the same on every call', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => drawSeed(11, i));
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(drawSeed(11, 7)).toBe(seeds[7]);
  });
  it('gives different stages different seeds for the same draw', () => {
    expect(drawSeed(11, 0)).not.toBe(drawSeed(13, 0));
    expect(drawSeed(0, 0)).not.toBe(drawSeed(0, 1));
  });
});
