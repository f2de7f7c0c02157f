/**
 * Stage 12: story shapes. Reagan et al. (2016) found six basic emotional arcs in
 * fiction; each film's valence arc, and each archetype's mean valence arc, is read as
 * the one whose template it correlates with best (Pearson, on the same steps), or as
 * "no clear shape" when no template reaches `shapeMinCorrelation` (or the arc is flat).
 * So a reader can tell a shape from chance, each film's songs are shuffled and the share
 * of shuffled orders that get the same shape is reported: a shape most shuffles also
 * get says little about order.
 */
import { drawSeed } from '../config.ts';
import { seededRandom } from '../lib/random.ts';
import type { ShapeName } from '../schemas.ts';
import { ArcBuilder, shuffleInto, type ArcSample, type FeatureRange } from './arcs.ts';

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

/** The shape a sequence of values (one per step) follows, and how closely. */
export function classifyShape(values: ArrayLike<number>, minCorrelation: number): { shape: ShapeName; correlation: number } {
  let best = -Infinity;
  let shape: ShapeName = 'no-clear-shape';
  templates(values.length).forEach((template, i) => {
    const r = pearson(values, template);
    if (r > best) {
      best = r;
      shape = SHAPES[i].name;
    }
  });
  if (!(best >= minCorrelation)) return { shape: 'no-clear-shape', correlation: Math.max(0, best) };
  return { shape, correlation: best };
}

export interface ShapesInput {
  /** Clustered films: their id, featured samples and published valence arc. */
  films: { imdbId: string; samples: ArcSample[]; valence: number[] }[];
  steps: number;
  globalRange: FeatureRange | null;
  shuffles: number;
  minCorrelation: number;
  seed: number;
}

export function filmShapes(input: ShapesInput): { imdbId: string; shape: ShapeName; correlation: number; shuffledSameShape: number }[] {
  const builder = new ArcBuilder(
    input.films.map((f) => f.samples),
    input.steps,
    input.globalRange,
  );
  const out = new Float64Array(4 * input.steps);
  return input.films.map((film, f) => {
    const { shape, correlation } = classifyShape(film.valence, input.minCorrelation);
    const m = film.samples.length;
    const places = Int32Array.from({ length: m }, (_, i) => i);
    const moods = new Int32Array(m);
    const random = seededRandom(drawSeed(input.seed, f));
    let same = 0;
    for (let s = 0; s < input.shuffles; s++) {
      builder.write(f, places, shuffleInto(moods, m, random), m, out, 0);
      if (classifyShape(out.subarray(0, input.steps), input.minCorrelation).shape === shape) same++;
    }
    return { imdbId: film.imdbId, shape, correlation, shuffledSameShape: input.shuffles ? same / input.shuffles : 0 };
  });
}

export function shapeLabel(shape: ShapeName): string {
  return SHAPES.find((s) => s.name === shape)?.label ?? 'no clear shape';
}
