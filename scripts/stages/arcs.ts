/**
 * Stage 6: each film's featured tracks → its arc. As the study did it: a track's place
 * is its index among all the film's listed entries divided by the last index; each
 * feature is min-max scaled (within the film, or across all films when level-preserving);
 * each feature is linearly interpolated onto `steps` evenly spaced points. A film with
 * fewer than `minFeaturedTracks` featured tracks gets no arc and stays out of the analysis.
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
  /** Films with fewer featured tracks get no arc: they enter no part of the analysis. */
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

/**
 * Every film's arc as the analysis uses it, its level-preserving arc (scaled to the whole
 * dataset's range, so its level survives) for display, and its raw range per feature.
 */
export function buildArcs(films: FilmFeatures[], options: ArcOptions): { arcs: FilmArc[]; globalRange: FeatureRange | null; samples: ArcSample[][] } {
  const samplesByFilm = films.map((film) => arcSamples(film.tracks));
  const allSamples = samplesByFilm.flat();
  const globalRange = allSamples.length ? featureRange(allSamples) : null;
  const arcs = films.map((film, i): FilmArc => {
    const samples = samplesByFilm[i];
    if (samples.length === 0) {
      return { imdbId: film.imdbId, featuredTracks: 0, points: null, levelPoints: null, vector: null, range: null, flags: ['no-featured-tracks'] };
    }
    const range = featureRange(samples);
    // Too few songs to trace: one song min-max scales to a flat line of zeros, two to a
    // straight ramp, and either would cluster with its likes whatever the film is.
    if (samples.length < options.minFeaturedTracks) {
      return { imdbId: film.imdbId, featuredTracks: samples.length, points: null, levelPoints: null, vector: null, range, flags: ['few-featured-tracks'] };
    }
    const level = arcFromSamples(samples, options.steps, globalRange!);
    const own = options.scaling === 'level-preserving' ? level : arcFromSamples(samples, options.steps, range);
    return { imdbId: film.imdbId, featuredTracks: samples.length, points: own.points, levelPoints: level.points, vector: own.vector, range, flags: [] };
  });
  return { arcs, globalRange, samples: samplesByFilm };
}

/**
 * Arcs rebuilt many times over (the null model's shuffles, the stability resamples): the
 * same scaling and interpolation as arcFromSamples, on typed arrays, without allocating.
 * A rebuilt arc takes its places from `places` and its moods from `moods` (indices into
 * the film's samples, in place order): a shuffle keeps the places and permutes the
 * moods; a resample keeps the drawn tracks, each at its own place.
 */
export class ArcBuilder {
  private readonly films: { t: Float64Array; f: Float64Array[] }[];
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;

  constructor(
    samples: ArcSample[][],
    readonly steps: number,
    private readonly globalRange: FeatureRange | null,
  ) {
    this.films = samples.map((s) => ({
      t: Float64Array.from(s, (x) => x.t),
      f: FEATURES.map((name) => Float64Array.from(s, (x) => x.mood[name])),
    }));
    const longest = Math.max(1, ...samples.map((s) => s.length));
    this.xs = new Float64Array(longest);
    this.ys = new Float64Array(longest);
  }

  /** Featured tracks of a film. */
  size(film: number): number {
    return this.films[film].t.length;
  }

  /** Writes the film's 4 × steps arc values into out[offset…]. */
  write(film: number, places: Int32Array, moods: Int32Array, count: number, out: Float64Array | number[], offset = 0): void {
    const { t, f } = this.films[film];
    const steps = this.steps;
    for (let i = 0; i < count; i++) this.xs[i] = t[places[i]];
    for (let fi = 0; fi < FEATURES.length; fi++) {
      const values = f[fi];
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < count; i++) {
        const v = values[moods[i]];
        this.ys[i] = v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (this.globalRange) {
        min = this.globalRange[FEATURES[fi]].min;
        max = this.globalRange[FEATURES[fi]].max;
      }
      const span = max - min;
      for (let i = 0; i < count; i++) this.ys[i] = span > 0 ? (this.ys[i] - min) / span : 0;
      let hi = 1;
      for (let step = 0; step < steps; step++) {
        const at = steps > 1 ? step / (steps - 1) : 0;
        let value: number;
        if (at <= this.xs[0]) value = this.ys[0];
        else if (at >= this.xs[count - 1]) value = this.ys[count - 1];
        else {
          while (this.xs[hi] < at) hi++;
          const lo = hi - 1;
          const width = this.xs[hi] - this.xs[lo];
          value = width === 0 ? this.ys[hi] : this.ys[lo] + ((this.ys[hi] - this.ys[lo]) * (at - this.xs[lo])) / width;
        }
        out[offset + fi * steps + step] = value;
      }
    }
  }
}

/** Fisher–Yates: a uniformly random order of 0…count−1, written into `into`. */
export function shuffleInto(into: Int32Array, count: number, random: () => number): Int32Array {
  for (let i = 0; i < count; i++) into[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = into[i];
    into[i] = into[j];
    into[j] = x;
  }
  return into;
}

/** The bootstrap's draw: `count` tracks with replacement, each drawn track once, in place order. Returns how many distinct. */
export function resampleInto(into: Int32Array, drawn: Uint8Array, count: number, random: () => number): number {
  drawn.fill(0, 0, count);
  for (let i = 0; i < count; i++) drawn[Math.floor(random() * count)] = 1;
  let kept = 0;
  for (let i = 0; i < count; i++) if (drawn[i]) into[kept++] = i;
  return kept;
}
