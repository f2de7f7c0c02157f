/**
 * Story shapes. Reagan et al. (2016) found six basic emotional arcs in
 * fiction; each film's valence arc, and each archetype's mean valence arc, is read as
 * the one whose template it correlates with best (Pearson, on the same steps), or as
 * "no clear shape" when no template reaches `shapeMinCorrelation` (or the arc is flat).
 * So a reader can tell a shape from chance, each film's artist runs are reordered
 * (blocks.ts) and the share of reorderings that get the same shape is reported, with a
 * p: the share of orders, the real one counted, whose arc follows its own best template
 * at least as closely as the real arc follows its. A shape is called only where that p
 * is below the significance level. (Counting only reorderings that land on the real
 * arc's shape, as an earlier version did, lets the data pick the template it is then
 * tested against: in worlds without order it called shapes 16% of the time.)
 */
import { drawSeed, FEATURES } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { ShapeName } from '../schemas.ts';
import { ArcBuilder, type ArcSample, type FeatureRange } from './arcs.ts';
import { BlockShuffler } from './blocks.ts';

export const SHAPES: { name: Exclude<ShapeName, 'no-clear-shape'>; label: string; template: (t: number) => number }[] = [
  { name: 'rags-to-riches', label: 'rags to riches (rise)', template: (t) => t },
  { name: 'tragedy', label: 'tragedy (fall)', template: (t) => -t },
  { name: 'man-in-a-hole', label: 'man in a hole (fall, then rise)', template: (t) => -Math.sin(Math.PI * t) },
  { name: 'icarus', label: 'Icarus (rise, then fall)', template: (t) => Math.sin(Math.PI * t) },
  { name: 'cinderella', label: 'Cinderella (rise, fall, rise)', template: (t) => -Math.cos(3 * Math.PI * t) },
  { name: 'oedipus', label: 'Oedipus (fall, rise, fall)', template: (t) => Math.cos(3 * Math.PI * t) },
];

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 1e-18 && sbb > 1e-18 ? sab / Math.sqrt(saa * sbb) : 0;
}

const templateCache = new Map<number, number[][]>();
function templates(steps: number): number[][] {
  let cached = templateCache.get(steps);
  if (!cached) {
    cached = SHAPES.map((s) => Array.from({ length: steps }, (_, i) => s.template(steps > 1 ? i / (steps - 1) : 0)));
    templateCache.set(steps, cached);
  }
  return cached;
}

/** The template the values correlate with most (its index in SHAPES), and how closely. */
function closestTemplate(values: ArrayLike<number>): { index: number; correlation: number } {
  let correlation = -Infinity;
  let index = -1;
  templates(values.length).forEach((template, i) => {
    const r = pearson(values, template);
    if (r > correlation) {
      correlation = r;
      index = i;
    }
  });
  return { index, correlation };
}

/** The highest correlation of the values with any template, whether or not it reaches the minimum. */
export function bestCorrelation(values: ArrayLike<number>): number {
  return closestTemplate(values).correlation;
}

/** The shape a sequence of values (one per step) follows, and how closely. */
export function classifyShape(values: ArrayLike<number>, minCorrelation: number): { shape: ShapeName; correlation: number } {
  const best = closestTemplate(values);
  if (!(best.correlation >= minCorrelation)) return { shape: 'no-clear-shape', correlation: Math.max(0, best.correlation) };
  return { shape: SHAPES[best.index].name, correlation: best.correlation };
}

export interface ShapesInput {
  /** Clustered films: their id, featured samples, artist runs and published valence arc. */
  films: { imdbId: string; samples: ArcSample[]; runs: number[]; valence: number[] }[];
  steps: number;
  globalRange: FeatureRange | null;
  shuffles: number;
  minCorrelation: number;
  seed: number;
  significance: number;
}

export interface FilmShapeResult {
  imdbId: string;
  shape: ShapeName;
  correlation: number;
  shuffledSameShape: number;
  /** Orders, the real one counted, whose arc follows its best template at least as closely; 1 for no clear shape. */
  p: number;
  beyondChance: boolean;
}

export function filmShapes(input: ShapesInput): FilmShapeResult[] {
  const builder = new ArcBuilder(
    input.films.map((f) => f.samples),
    input.steps,
    input.globalRange,
  );
  const shuffler = new BlockShuffler(input.films.map((f) => f.runs));
  const out = new Float64Array(input.steps);
  const valence = FEATURES.indexOf('valence');
  return input.films.map((film, f) => {
    const { shape, correlation } = classifyShape(film.valence, input.minCorrelation);
    const m = film.samples.length;
    const places = Int32Array.from({ length: m }, (_, i) => i);
    const moods = new Int32Array(m);
    const random = seededRandom(drawSeed(input.seed, f));
    const real = bestCorrelation(film.valence);
    let same = 0;
    let asClose = 0;
    for (let s = 0; s < input.shuffles; s++) {
      // Only the valence arc is classified: the other three features are not drawn.
      builder.writeFeature(f, { places, moods: shuffler.shuffle(f, moods, random), count: m }, out, { feature: valence });
      const drawn = closestTemplate(out);
      if ((drawn.correlation >= input.minCorrelation ? SHAPES[drawn.index].name : 'no-clear-shape') === shape) same++;
      if (drawn.correlation >= real - 1e-12) asClose++;
    }
    const p = shape === 'no-clear-shape' ? 1 : (1 + asClose) / (1 + input.shuffles);
    return {
      imdbId: film.imdbId,
      shape,
      correlation,
      shuffledSameShape: input.shuffles ? same / input.shuffles : 0,
      p,
      beyondChance: p < input.significance,
    };
  });
}

export function shapeLabel(shape: ShapeName): string {
  return SHAPES.find((s) => s.name === shape)?.label ?? 'no clear shape';
}
