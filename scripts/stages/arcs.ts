/**
 * Stage 6: each film's featured tracks → its arc. As the study did it: a track's place
 * is its index among all the film's listed entries divided by the last index; each
 * feature is min-max scaled (within the film, or across all films when level-preserving);
 * each feature is linearly interpolated onto `steps` evenly spaced points.
 */
import { FEATURES, type ArcScaling, type FeatureName } from '../config.ts';
import type { FilmArc, FeaturedTrack, Mood, ArcPoint } from '../schemas.ts';
import type { FilmFeatures } from './features.ts';

/** A featured track as the arc sees it: where it sits (0–1) and its mood. */
export interface ArcSample {
  t: number;
  mood: Mood;
}

export type FeatureRange = Record<FeatureName, { min: number; max: number }>;

export interface ArcOptions {
  steps: number;
  scaling: ArcScaling;
  minFeaturedTracks: number;
}

/** Samples of a film: only tracks with features, placed by their index among all entries. */
export function arcSamples(tracks: FeaturedTrack[]): ArcSample[] {
  const last = tracks.length - 1;
  const samples: ArcSample[] = [];
  tracks.forEach((track, index) => {
    if (track.features) samples.push({ t: last > 0 ? index / last : 0, mood: track.features });
  });
  return samples;
}

export function featureRange(samples: ArcSample[]): FeatureRange {
  const range = {} as FeatureRange;
  for (const f of FEATURES) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of samples) {
      min = Math.min(min, s.mood[f]);
      max = Math.max(max, s.mood[f]);
    }
    range[f] = { min, max };
  }
  return range;
}

/** Min-max scaling; a constant feature maps to 0, as scikit-learn's MinMaxScaler does. */
export function scale(value: number, { min, max }: { min: number; max: number }): number {
  return max > min ? (value - min) / (max - min) : 0;
}

/** numpy.interp: linear between known points, held flat beyond the first and last. */
export function interpolate(xs: number[], ys: number[], at: number): number {
  if (xs.length === 0) return NaN;
  if (at <= xs[0]) return ys[0];
  if (at >= xs[xs.length - 1]) return ys[ys.length - 1];
  let hi = 1;
  while (xs[hi] < at) hi++;
  const lo = hi - 1;
  const span = xs[hi] - xs[lo];
  return span === 0 ? ys[hi] : ys[lo] + ((ys[hi] - ys[lo]) * (at - xs[lo])) / span;
}

/** One arc from samples; `range` is the film's own (per-film) or the whole dataset's (level-preserving). */
export function arcFromSamples(samples: ArcSample[], steps: number, range: FeatureRange): { points: ArcPoint[]; vector: number[] } {
  const xs = samples.map((s) => s.t);
  const points: ArcPoint[] = [];
  const scaled: Record<FeatureName, number[]> = { valence: [], energy: [], danceability: [], tempo: [] };
  for (const f of FEATURES) scaled[f] = samples.map((s) => scale(s.mood[f], range[f]));
  for (let step = 0; step < steps; step++) {
    const t = steps > 1 ? step / (steps - 1) : 0;
    const point = { step, t } as ArcPoint;
    for (const f of FEATURES) point[f] = interpolate(xs, scaled[f], t);
    points.push(point);
  }
  const vector = FEATURES.flatMap((f) => points.map((p) => p[f]));
  return { points, vector };
}

export function buildArcs(films: FilmFeatures[], options: ArcOptions): { arcs: FilmArc[]; globalRange: FeatureRange | null } {
  const samplesByFilm = films.map((film) => arcSamples(film.tracks));
  const allSamples = samplesByFilm.flat();
  const globalRange = options.scaling === 'level-preserving' && allSamples.length ? featureRange(allSamples) : null;
  const arcs = films.map((film, i): FilmArc => {
    const samples = samplesByFilm[i];
    const flags: FilmArc['flags'] = [];
    if (samples.length === 0) {
      flags.push('no-featured-tracks');
      return { imdbId: film.imdbId, featuredTracks: 0, points: null, vector: null, flags };
    }
    if (samples.length < options.minFeaturedTracks) flags.push('few-featured-tracks');
    const { points, vector } = arcFromSamples(samples, options.steps, globalRange ?? featureRange(samples));
    return { imdbId: film.imdbId, featuredTracks: samples.length, points, vector, flags };
  });
  return { arcs, globalRange };
}

/**
 * The bootstrap's arc builder: draws a film's featured tracks again with replacement
 * (each drawn track once, in film order) and writes the redrawn arc's vector, with the
 * same scaling and interpolation as arcFromSamples but on typed arrays, without
 * allocating: it runs films × resamples times.
 */
export class ArcResampler {
  private readonly films: { t: Float64Array; f: Float64Array[] }[];
  private readonly drawn: Uint8Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;

  constructor(
    samples: ArcSample[][],
    private readonly steps: number,
    private readonly globalRange: FeatureRange | null,
  ) {
    this.films = samples.map((s) => ({
      t: Float64Array.from(s, (x) => x.t),
      f: FEATURES.map((name) => Float64Array.from(s, (x) => x.mood[name])),
    }));
    const longest = Math.max(1, ...samples.map((s) => s.length));
    this.drawn = new Uint8Array(longest);
    this.xs = new Float64Array(longest);
    this.ys = new Float64Array(longest);
  }

  resample(film: number, random: () => number, out: number[]): void {
    const { t, f } = this.films[film];
    const m = t.length;
    const drawn = this.drawn;
    drawn.fill(0, 0, m);
    for (let i = 0; i < m; i++) drawn[Math.floor(random() * m)] = 1;
    let kept = 0;
    for (let i = 0; i < m; i++) if (drawn[i]) this.xs[kept++] = t[i];
    const steps = this.steps;
    FEATURES.forEach((name, fi) => {
      const values = f[fi];
      let min = Infinity;
      let max = -Infinity;
      let c = 0;
      for (let i = 0; i < m; i++) {
        if (!drawn[i]) continue;
        const v = values[i];
        this.ys[c++] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const range = this.globalRange ? this.globalRange[name] : { min, max };
      const span = range.max - range.min;
      for (let i = 0; i < kept; i++) this.ys[i] = span > 0 ? (this.ys[i] - range.min) / span : 0;
      let hi = 1;
      for (let step = 0; step < steps; step++) {
        const at = steps > 1 ? step / (steps - 1) : 0;
        let value: number;
        if (at <= this.xs[0]) value = this.ys[0];
        else if (at >= this.xs[kept - 1]) value = this.ys[kept - 1];
        else {
          while (this.xs[hi] < at) hi++;
          const lo = hi - 1;
          const width = this.xs[hi] - this.xs[lo];
          value = width === 0 ? this.ys[hi] : this.ys[lo] + ((this.ys[hi] - this.ys[lo]) * (at - this.xs[lo])) / width;
        }
        out[fi * steps + step] = value;
      }
    });
  }
}
