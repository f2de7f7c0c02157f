import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { POWER_WIDTH, plantArcs, plantedGroups, powerRunner, summarisePower, type PowerInput } from '../../../scripts/stages/power.ts';
import { filmSamples, mood, refitInput, runsOf } from '../../support/tracks.ts';

function input(strengths: number[], worldsPerStrength: number): PowerInput {
  const random = seededRandom(6);
  const samples = Array.from({ length: 12 }, () =>
    filmSamples(Array.from({ length: 10 }, () => mood(random(), random(), random(), 80 + 80 * random()))),
  );
  return {
    ...refitInput(samples),
    k: 6,
    significance: 0.05,
    draws: 39,
    strengths,
    worldsPerStrength,
    noise: mood(0.29, 0.29, 0.29, 46),
    seed: 29,
  };
}

describe('plantedGroups', () => {
  it('deals the films into six groups as evenly as their number allows', () => {
    const groups = plantedGroups(17, seededRandom(1));
    const sizes = [0, 1, 2, 3, 4, 5].map((g) => groups.filter((x) => x === g).length);
    expect(sizes.sort()).toEqual([2, 3, 3, 3, 3, 3]);
  });
});

describe('plantArcs', () => {
  it('moves every song of a run by the same amount: the group’s shape at the run’s mean place', () => {
    const samples = [filmSamples([mood(0.5, 0.5, 0.5, 100), mood(0.5, 0.5, 0.5, 100), mood(0.5, 0.5, 0.5, 100)], ['A', 'A', 'B'])];
    // Group 0 is the rise (rags to riches), standardised over the listing: (t − ½)·√12.
    const planted = plantArcs({ samples, runs: samples.map(runsOf) }, [0], 1, mood(0.1, 0, 0, 10));
    const [a1, a2, b] = planted.samples[0];
    expect(a1.mood).toEqual(a2.mood);
    // The run of A sits at mean place ¼: 0.5 + 0.1 · (¼ − ½) · √12.
    expect(a1.mood.valence).toBeCloseTo(0.5 + 0.1 * (0.25 - 0.5) * Math.sqrt(12), 3);
    expect(b.mood.valence).toBeCloseTo(0.5 + 0.1 * 0.5 * Math.sqrt(12), 3);
    expect(b.mood.energy).toBe(0.5);
    // The standard deviation is taken over a fine grid of places: close to, not exactly, 1/√12.
    expect(b.mood.tempo).toBeCloseTo(100 + 10 * 0.5 * Math.sqrt(12), 1);
  });
  it('changes nothing at strength 0', () => {
    const samples = [filmSamples([mood(0.2, 0.3, 0.4, 100), mood(0.6, 0.3, 0.4, 120)])];
    expect(plantArcs({ samples, runs: samples.map(runsOf) }, [3], 0, mood(0.3, 0.3, 0.3, 30)).samples).toEqual(samples);
  });
});

describe('power', () => {
  it('detects a strong planted arc and recovers its groups; at strength 0 it finds about nothing', () => {
    const settings = input([0, 4], 6);
    const rows = new Float64Array(12 * POWER_WIDTH);
    powerRunner(settings)(0, 12, rows);
    const power = summarisePower(rows, settings);
    const [none, strong] = power.curve;
    expect(strong.detection).toBeGreaterThanOrEqual(5 / 6);
    expect(strong.ari).toBeGreaterThan(0.6);
    expect(none.detection).toBeLessThanOrEqual(1 / 6);
    expect(none.ari).toBeLessThan(0.3);
    expect(power.caught.strength80).toBe(4);
  });
  it('summarises by hand: detection, its binomial error, mean ARI', () => {
    // Strengths [1]; four worlds: rejected 1, 0, 1, 1; ARI 0.5, 0.1, 0.7, 0.3.
    const rows = new Float64Array([1, 0.5, 9, 0, 0.1, 40, 1, 0.7, 9, 1, 0.3, 9]);
    const power = summarisePower(rows, { strengths: [1], worldsPerStrength: 4, significance: 0.05, draws: 39 });
    expect(power.curve[0].detection).toBe(0.75);
    expect(power.curve[0].detectionError).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 4), 12);
    expect(power.curve[0].ari).toBeCloseTo(0.4, 12);
    expect(power.caught).toEqual({ strength80: null, detection80: null, atStrengthOne: 0.75 });
  });
});
