import { describe, expect, it } from 'vitest';
import { about, boundedPercent, count, featureRange, featureValue, list, percent, pText, ratio } from '../../../src/story/format.ts';

describe('format', () => {
  it('writes shares as percentages, never rounding a share short of all to 100% or above none to 0%', () => {
    expect(percent(0.256)).toBe('26%');
    expect(percent(0.256, 1)).toBe('25.6%');
    expect(boundedPercent(0.998)).toBe('over 99%');
    expect(boundedPercent(0.002)).toBe('under 1%');
    expect(boundedPercent(1)).toBe('100%');
    expect(ratio(1, 4)).toBe('25%');
    expect(ratio(1, 0)).toBe('—');
  });

  it('writes tempo in whole BPM and the other features to two decimals', () => {
    expect(featureValue('tempo', 121.6)).toBe('122 BPM');
    expect(featureValue('valence', 0.456)).toBe('0.46');
    expect(featureRange('tempo', 96.4, 120.5)).toBe('96–121 BPM');
    expect(featureRange('energy', 0.5, 0.6)).toBe('0.50–0.60');
  });

  it('gives p as prose does', () => {
    expect(pText(0.654)).toBe('p = 0.65');
    expect(pText(0.0034)).toBe('p = 0.003');
    expect(pText(0.0004)).toBe('p < 0.001');
  });

  it('lists and counts in words', () => {
    expect(list(['a'])).toBe('a');
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(count(3)).toBe('three');
    expect(count(12)).toBe('12');
    expect(about(0.85)).toBe('about one');
    expect(about(0.2)).toBe('none');
  });
});
