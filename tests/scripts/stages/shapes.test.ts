import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { arcFromSamples, featureRange, type ArcSample } from '../../../scripts/stages/arcs.ts';
import { SHAPES, classifyShape, filmShapes, pearson, shapeLabel } from '../../../scripts/stages/shapes.ts';

import { filmSamples as film, mood, runsOf } from '../../support/tracks.ts';
const steps10 = Array.from({ length: 10 }, (_, i) => i / 9);
const MIN = 0.7;

describe('pearson', () => {
  it('matches a case worked out by hand', () => {
    // Means 2 and 2; deviations (−1, 0, 1) and (−1, 1, 0): Σab = 1, Σa² = Σb² = 2 → 0.5.
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
    expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('is 0 when either side is constant (no NaN)', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});

describe('classifyShape', () => {
  it('has the six shapes of Reagan et al.', () => {
    expect(SHAPES.map((s) => s.name)).toEqual(['rags-to-riches', 'tragedy', 'man-in-a-hole', 'icarus', 'cinderella', 'oedipus']);
  });
  for (const shape of SHAPES) {
    it(`reads the ${shape.name} template on 10 steps as ${shape.name}, r ≈ 1`, () => {
      const values = steps10.map(shape.template);
      const read = classifyShape(values, MIN);
      expect(read.shape).toBe(shape.name);
      expect(read.correlation).toBeCloseTo(1, 9);
      // Level and scale do not matter to a correlation: a shifted, stretched arc in 0–1 reads the same.
      const shifted = classifyShape(
        values.map((v) => 0.5 + 0.3 * v),
        MIN,
      );
      expect(shifted.shape).toBe(shape.name);
      expect(shifted.correlation).toBeCloseTo(1, 9);
    });
  }
  it('reads the mirror of a shape as its opposite', () => {
    expect(
      classifyShape(
        steps10.map((t) => 1 - t),
        MIN,
      ).shape,
    ).toBe('tragedy');
    expect(
      classifyShape(
        steps10.map((t) => 1 - Math.sin(Math.PI * t)),
        MIN,
      ).shape,
    ).toBe('man-in-a-hole');
  });
  it('reads a flat arc as no clear shape, correlation 0', () => {
    expect(classifyShape(Array(10).fill(0), MIN)).toEqual({ shape: 'no-clear-shape', correlation: 0 });
    expect(classifyShape(Array(10).fill(0.4), MIN)).toEqual({ shape: 'no-clear-shape', correlation: 0 });
  });
  it('reads a zigzag (r at most 0.174 with any template) as no clear shape', () => {
    const zigzag = steps10.map((_, i) => i % 2);
    const read = classifyShape(zigzag, MIN);
    expect(read.shape).toBe('no-clear-shape');
    expect(read.correlation).toBeLessThan(0.2);
    expect(read.correlation).toBeGreaterThan(0);
  });
  it('reads seeded noise as no clear shape whenever no template reaches the threshold', () => {
    const random = seededRandom(2024);
    let noShape = 0;
    for (let trial = 0; trial < 50; trial++) {
      const noise = steps10.map(() => random());
      const best = Math.max(...SHAPES.map((s) => pearson(noise, steps10.map(s.template))));
      const read = classifyShape(noise, MIN);
      if (best < MIN) {
        expect(read.shape).toBe('no-clear-shape');
        expect(read.correlation).toBeCloseTo(Math.max(0, best), 12);
        noShape++;
      } else {
        expect(read.shape).not.toBe('no-clear-shape');
        expect(read.correlation).toBeCloseTo(best, 12);
      }
    }
    // Most noise has no clear shape.
    expect(noShape).toBeGreaterThan(35);
  });
  it('draws the line at the threshold itself', () => {
    // r exactly 1 with rags to riches: a clear shape at 1, none above it.
    expect(classifyShape(steps10, 1 - 1e-12).shape).toBe('rags-to-riches');
    expect(classifyShape(steps10, 1.01).shape).toBe('no-clear-shape');
  });
  it('labels shapes, and no shape', () => {
    expect(shapeLabel('icarus')).toBe('Icarus (rise, then fall)');
    expect(shapeLabel('no-clear-shape')).toBe('no clear shape');
  });
});

describe('filmShapes', () => {
  const valenceArc = (samples: ArcSample[]) => arcFromSamples(samples, 10, featureRange(samples)).points.map((p) => p.valence);

  it('gives a film whose songs all have equal valence no clear shape (and every shuffle agrees)', () => {
    const samples = film(Array.from({ length: 6 }, (_, i) => mood(0.6, 0.1 * i, 0.5, 100 + i)));
    const valence = valenceArc(samples);
    expect(valence).toEqual(Array(10).fill(0));
    const [read] = filmShapes({
      films: [{ imdbId: 'tt0000001', samples, runs: runsOf(samples), valence }],
      steps: 10,
      globalRange: null,
      shuffles: 20,
      minCorrelation: MIN,
      seed: 17,
      significance: 0.05,
    });
    expect(read.shape).toBe('no-clear-shape');
    expect(read.correlation).toBe(0);
    expect(read.shuffledSameShape).toBe(1);
    expect(read.p).toBe(1);
    expect(read.beyondChance).toBe(false);
  });

  it('reads a film that rises song by song as rags to riches, a shape few shuffles share', () => {
    const samples = film(Array.from({ length: 10 }, (_, i) => mood(0.05 + 0.1 * i, 0.5, 0.5, 120)));
    const valence = valenceArc(samples);
    const [read] = filmShapes({
      films: [{ imdbId: 'tt0000002', samples, runs: runsOf(samples), valence }],
      steps: 10,
      globalRange: null,
      shuffles: 200,
      minCorrelation: MIN,
      seed: 17,
      significance: 0.05,
    });
    expect(read.shape).toBe('rags-to-riches');
    expect(read.correlation).toBeGreaterThan(0.99);
    expect(read.shuffledSameShape).toBeLessThan(0.2);
    // Hardly any reordering follows any template as closely: beyond chance.
    expect(read.p).toBeLessThan(0.05);
    expect(read.beyondChance).toBe(true);
  });

  it('classifies the shuffles on valence, the first feature of the rebuilt arc', () => {
    // Valence constant, energy rising: were the shuffles read on energy some would rise;
    // on valence every shuffle is flat, so all share "no clear shape".
    const samples = film(Array.from({ length: 8 }, (_, i) => mood(0.3, 0.1 * i, 0.5, 100)));
    const [read] = filmShapes({
      films: [{ imdbId: 'tt0000003', samples, runs: runsOf(samples), valence: valenceArc(samples) }],
      steps: 10,
      globalRange: null,
      shuffles: 50,
      minCorrelation: MIN,
      seed: 17,
      significance: 0.05,
    });
    expect(read.shuffledSameShape).toBe(1);
  });

  it('is seeded: the same input gives the same shares; no shuffles give 0', () => {
    const random = seededRandom(5);
    const samples = film(Array.from({ length: 7 }, () => mood(random(), random(), random(), 100 + 50 * random())));
    const input = {
      films: [{ imdbId: 'tt0000004', samples, runs: runsOf(samples), valence: valenceArc(samples) }],
      steps: 10,
      globalRange: null,
      shuffles: 100,
      minCorrelation: MIN,
      seed: 17,
      significance: 0.05,
    };
    expect(filmShapes(input)).toEqual(filmShapes(input));
    expect(filmShapes({ ...input, shuffles: 0 })[0].shuffledSameShape).toBe(0);
  });
});

describe('the shape test against chance', () => {
  it('rejects about 5% of the time where order is random, because every order is held to its own best template', async () => {
    // Sixty films of eight random songs in random order: p of a clear shape is about uniform.
    const { arcFromSamples: arc } = await import('../../../scripts/stages/arcs.ts');
    const random = seededRandom(41);
    const films = Array.from({ length: 60 }, (_, f) => {
      const samples = film(Array.from({ length: 8 }, () => mood(random(), random(), random(), 80 + 80 * random())));
      return {
        imdbId: `tt${String(f + 1).padStart(7, '0')}`,
        samples,
        runs: runsOf(samples),
        valence: arc(samples, 10, featureRange(samples)).points.map((p) => p.valence),
      };
    });
    const read = filmShapes({ films, steps: 10, globalRange: null, shuffles: 99, minCorrelation: MIN, seed: 17, significance: 0.05 });
    // 5% of 60 is 3; a test that let each film pick its template first called about 16%.
    expect(read.filter((r) => r.beyondChance).length).toBeLessThanOrEqual(6);
  });
});
