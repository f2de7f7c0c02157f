import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { clusteringTest, nullWorld } from '../../../scripts/stages/simulation.ts';
import { filmSamples, mood, runsOf } from '../../support/tracks.ts';

const settings = {
  steps: 10,
  globalRange: null,
  varianceTarget: 0.8,
  restarts: 3,
  kmeansSeed: 42,
  maxIterations: 100,
  k: 2,
  significance: 0.05,
  draws: 99,
};

describe('nullWorld', () => {
  it('reorders each film’s runs and keeps its places, moods and artists; runs that meet merge', () => {
    const samples = [
      filmSamples(
        [mood(0.1, 0, 0, 100), mood(0.1, 0, 0, 100), mood(0.9, 1, 1, 150), mood(0.1, 0, 0, 100), mood(0.5, 0.5, 0.5, 120)],
        ['A', 'A', 'B', 'A', 'C'],
      ),
    ];
    const catalogue = { samples, runs: samples.map(runsOf) };
    expect(catalogue.runs).toEqual([[2, 1, 1, 1]]);
    const seen = new Set<string>();
    for (let w = 0; w < 200; w++) {
      const world = nullWorld(catalogue, seededRandom(w));
      expect(world.samples[0].map((s) => s.t)).toEqual(samples[0].map((s) => s.t));
      const artists = world.samples[0].map((s) => s.artists);
      expect([...artists].sort()).toEqual(['A', 'A', 'A', 'B', 'C']);
      // Runs are recomputed: when the two runs of A meet, they are one run of three.
      expect(world.runs[0]).toEqual(runsOf(world.samples[0]));
      expect(world.samples[0].every((s) => (s.artists === 'A' ? s.mood.valence === 0.1 : true))).toBe(true);
      seen.add(artists.join(''));
    }
    // The run AA never splits.
    for (const order of seen) expect(order.replace(/AA/, '')).not.toMatch(/A.*A.*A/);
    expect([...seen].some((order) => order.includes('AAA'))).toBe(true);
  });
});

describe('clusteringTest', () => {
  const songs = (f: number) => {
    const random = seededRandom(50 + f);
    return Array.from({ length: 8 }, (_, i) =>
      mood(0.1 + 0.1 * i + 0.02 * random(), 0.2 + 0.09 * i + 0.02 * random(), 0.5 + 0.05 * random(), 110 + 5 * random()),
    );
  };
  it('finds order where half the films rise and half fall, and stops only once its answer is known', () => {
    const samples = Array.from({ length: 12 }, (_, f) => filmSamples(f < 6 ? songs(f) : [...songs(f)].reverse()));
    const result = clusteringTest({ samples, runs: samples.map(runsOf) }, settings, 7);
    expect(result.reject).toBe(true);
    expect(result.draws).toBe(99);
  });
  it('stops early in a catalogue without order, with the answer the full test would give', () => {
    const random = seededRandom(4);
    const samples = Array.from({ length: 12 }, () =>
      filmSamples(Array.from({ length: 8 }, () => mood(random(), random(), random(), 90 + 60 * random()))),
    );
    const catalogue = { samples, runs: samples.map(runsOf) };
    const early = clusteringTest(catalogue, settings, 7);
    expect(early.reject).toBe(false);
    expect(early.draws).toBeLessThan(99);
    // Asked to go on for every draw (another test sharing them), it reaches the same answer.
    let seen = 0;
    const full = clusteringTest(catalogue, settings, 7, { minDraws: 99, onDraw: () => seen++ });
    expect(full.reject).toBe(early.reject);
    expect(seen).toBe(99);
  });
});
