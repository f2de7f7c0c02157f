import { describe, expect, it } from 'vitest';
import { describeArc, shapeOf } from '../../../src/lib/describe.ts';

const arc = (f: (t: number) => number) =>
  Array.from({ length: 10 }, (_, step) => {
    const t = step / 9;
    return { step, t, valence: f(t), energy: 1 - f(t), danceability: 0.5, tempo: Math.sin(Math.PI * t) };
  });

describe('an arc in words', () => {
  it('names rises, falls, middle peaks and dips, and level lines', () => {
    expect(shapeOf([0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])).toBe('rises');
    expect(shapeOf([1, 0.9, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0])).toBe('falls');
    expect(shapeOf([0, 0.1, 0.3, 0.9, 1, 1, 0.9, 0.3, 0.1, 0])).toBe('peaks in the middle');
    expect(shapeOf([1, 0.9, 0.7, 0.1, 0, 0, 0.1, 0.7, 0.9, 1])).toBe('dips in the middle');
    expect(shapeOf([0.5, 0.52, 0.48, 0.5, 0.55, 0.45, 0.5, 0.5, 0.49, 0.51])).toBe('stays level');
  });
  it('writes one sentence covering all four features', () => {
    expect(describeArc(arc((t) => t))).toBe('Valence rises from the first songs to the last; energy falls from the first songs to the last; danceability stays roughly level; tempo peaks in the middle of the film.');
  });
});
