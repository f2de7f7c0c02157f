/**
 * Each film's featured tracks → its arc. A track's place is its index among all
 * the film's listed entries divided by the last index, as the study placed it; each
 * feature is min-max scaled (within the film, or across all films when level-preserving).
 * The study then read the line through the songs at `steps` evenly spaced points, so a
 * song between two points touched no point at all (22 of 195 did). Here each point is
 * instead the mean of that line over the stretch of the listing nearest the point (its
 * bin), so every song with a mood moves the arc. Before the first song and after the
 * last the line is held flat: that share of the listing is guessed, and is reported.
 * A film with fewer than `minFeaturedTracks` featured tracks gets no arc.
 */
import { FEATURES, type ArcScaling, type FeatureName } from '../config.ts';
import type { FilmArc, FeaturedTrack, Mood, ArcPoint } from '../schemas.ts';
import type { FilmFeatures } from './features.ts';

/** A featured track as the arc sees it: where it sits (0–1), its mood and who performs it. */
export interface ArcSample {
  t: number;
  mood: Mood;
  /** The track's artists (performers and remixers, sorted), joined: equal keys get equal moods. */
  artists: string;
}

export type FeatureRange = Record<FeatureName, { min: number; max: number }>;

export interface ArcOptions {
  steps: number;
  scaling: ArcScaling;
  /** Films with fewer featured tracks get no arc: they enter no part of the analysis. */
  minFeaturedTracks: number;
  /** How each step reads the line through the songs (the study's 'points' only for the replication record). */
  reading?: ArcReading;
}

/** Samples of a film: only tracks with features, placed by their index among all entries. */
export function arcSamples(tracks: FeaturedTrack[]): ArcSample[] {
  const last = tracks.length - 1;
  const samples: ArcSample[] = [];
  tracks.forEach((track, index) => {
    if (track.features) samples.push({ t: last > 0 ? index / last : 0, mood: track.features, artists: artistKey(track) });
  });
  return samples;
}

/** Who a track's mood comes from: its performers and remixers, sorted, as one key. */
export function artistKey(track: Pick<FeaturedTrack, 'performers' | 'remixers'>): string {
  return [...new Set([...track.performers, ...track.remixers])].sort().join('\u0000');
}

/**
 * Songs the study's reading never uses: with the line read only at the steps' places, a
 * song counts only where a place falls between its neighbours (or beyond the first or
 * last song), so a song between two places, next to songs closer to both, touches none.
 */
export function songsTouchingNoStep(samples: ArcSample[], steps: number): number {
  const places = Array.from({ length: steps }, (_, j) => (steps > 1 ? j / (steps - 1) : 0));
  return samples.filter((_, i) => {
    const lo = i > 0 ? samples[i - 1].t : -Infinity;
    const hi = i < samples.length - 1 ? samples[i + 1].t : Infinity;
    return !places.some((t) => t > lo && t < hi);
  }).length;
}

/** The share of a film's listing the arc holds flat: before its first song with a mood and after its last. */
export function extrapolatedShare(samples: ArcSample[]): number {
  if (samples.length === 0) return 1;
  return samples[0].t + (1 - samples[samples.length - 1].t);
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

/** A line through its first `count` knots (xs[i], ys[i]), xs ascending. */
export interface Line {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  count: number;
}

/**
 * The mean of the line, held flat beyond its ends, over each step's bin: the stretch of
 * 0…1 nearer that step's place (step / (steps − 1)) than any other's. Written into
 * out[offset…offset + steps). Every knot of the line weighs in some bin. One pass over
 * the knots: the area under the line grows from bin edge to bin edge.
 */
export function binMeans({ xs, ys, count }: Line, steps: number, out: Float64Array | number[], offset = 0): void {
  let area = 0;
  let at = 0;
  let atValue = ys[0];
  let knot = 0;
  let lower = 0;
  let lowerArea = 0;
  for (let edge = 1; edge <= steps; edge++) {
    const x = edge === steps ? 1 : (edge - 0.5) / (steps - 1);
    while (knot < count && xs[knot] <= x) {
      area += ((xs[knot] - at) * (atValue + ys[knot])) / 2;
      at = xs[knot];
      atValue = ys[knot];
      knot++;
    }
    const width = knot > 0 && knot < count ? xs[knot] - xs[knot - 1] : 0;
    const value = width > 0 ? ys[knot - 1] + ((ys[knot] - ys[knot - 1]) * (x - xs[knot - 1])) / width : knot === 0 ? ys[0] : ys[knot - 1];
    area += ((x - at) * (atValue + value)) / 2;
    at = x;
    atValue = value;
    out[offset + edge - 1] = x > lower ? (area - lowerArea) / (x - lower) : value;
    lower = x;
    lowerArea = area;
  }
}

/**
 * How an arc reads the line through its songs: 'bins', the mean over each step's bin
 * (this site); 'points', its value at each step's place (the study's numpy.interp).
 */
export type ArcReading = 'bins' | 'points';

/** One arc from samples; `range` is the film's own (per-film) or the whole dataset's (level-preserving). */
export function arcFromSamples(
  samples: ArcSample[],
  steps: number,
  range: FeatureRange,
  reading: ArcReading = 'bins',
): { points: ArcPoint[]; vector: number[] } {
  const xs = samples.map((s) => s.t);
  const points: ArcPoint[] = Array.from({ length: steps }, (_, step) => ({ step, t: steps > 1 ? step / (steps - 1) : 0 }) as ArcPoint);
  const values = new Float64Array(steps);
  for (const f of FEATURES) {
    const ys = samples.map((s) => scale(s.mood[f], range[f]));
    if (reading === 'bins') binMeans({ xs, ys, count: samples.length }, steps, values);
    else values.forEach((_, step) => (values[step] = interpolate(xs, ys, points[step].t)));
    values.forEach((v, step) => (points[step][f] = v));
  }
  const vector = FEATURES.flatMap((f) => points.map((p) => p[f]));
  return { points, vector };
}

/**
 * Every film's arc as the analysis uses it, its level-preserving arc (scaled to the whole
 * dataset's range, so its level survives) for display, and its raw range per feature.
 */
export function buildArcs(
  films: FilmFeatures[],
  options: ArcOptions,
): { arcs: FilmArc[]; globalRange: FeatureRange | null; samples: ArcSample[][] } {
  const samplesByFilm = films.map((film) => arcSamples(film.tracks));
  const allSamples = samplesByFilm.flat();
  const globalRange = allSamples.length ? featureRange(allSamples) : null;
  const arcs = films.map((film, i): FilmArc => {
    const samples = samplesByFilm[i];
    if (samples.length === 0) {
      return {
        imdbId: film.imdbId,
        featuredTracks: 0,
        points: null,
        levelPoints: null,
        vector: null,
        range: null,
        flags: ['no-featured-tracks'],
      };
    }
    const range = featureRange(samples);
    // Too few songs to trace: one song min-max scales to a flat line of zeros, two to a
    // straight ramp, and either would cluster with its likes whatever the film is.
    if (samples.length < options.minFeaturedTracks) {
      return {
        imdbId: film.imdbId,
        featuredTracks: samples.length,
        points: null,
        levelPoints: null,
        vector: null,
        range,
        flags: ['few-featured-tracks'],
      };
    }
    const level = arcFromSamples(samples, options.steps, globalRange!, options.reading);
    const own = options.scaling === 'level-preserving' ? level : arcFromSamples(samples, options.steps, range, options.reading);
    return {
      imdbId: film.imdbId,
      featuredTracks: samples.length,
      points: own.points,
      levelPoints: level.points,
      vector: own.vector,
      range,
      flags: [],
    };
  });
  return { arcs, globalRange, samples: samplesByFilm };
}

/**
 * Arcs rebuilt many times over (the null model's shuffles, the stability resamples, the
 * simulations): the same scaling and bin means as arcFromSamples, on typed arrays,
 * without allocating.
 * A rebuilt arc takes its places from `places` and its moods from `moods` (indices into
 * the film's samples, in place order): a shuffle keeps the places and permutes the
 * moods; a resample keeps the drawn tracks, each at its own place.
 */
export class ArcBuilder {
  private readonly films: { t: Float64Array; f: Float64Array[] }[];
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** The line `write` bins, over xs and ys (reused: one object, not one per feature). */
  private readonly line: Line;

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
    this.line = { xs: this.xs, ys: this.ys, count: 0 };
  }

  /** Featured tracks of a film. */
  size(film: number): number {
    return this.films[film].t.length;
  }

  /**
   * Writes into out[offset…] the 4 × steps arc values of the film's songs as drawn: the
   * first `count` of `places` say where each drawn song sits, `moods` whose mood it has
   * (indices into the film's featured songs).
   */
  write(film: number, drawn: DrawnSongs, out: Float64Array | number[], offset = 0): void {
    for (let feature = 0; feature < FEATURES.length; feature++)
      this.writeFeature(film, drawn, out, { feature, offset: offset + feature * this.steps });
  }

  /** Writes into out[offset…] the `steps` values of one feature's arc (FEATURES[feature]) of the songs as drawn. */
  writeFeature(
    film: number,
    { places, moods, count }: DrawnSongs,
    out: Float64Array | number[],
    { feature, offset = 0 }: { feature: number; offset?: number },
  ): void {
    const { t, f } = this.films[film];
    for (let i = 0; i < count; i++) this.xs[i] = t[places[i]];
    const values = f[feature];
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      const v = values[moods[i]];
      this.ys[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (this.globalRange) {
      min = this.globalRange[FEATURES[feature]].min;
      max = this.globalRange[FEATURES[feature]].max;
    }
    const span = max - min;
    for (let i = 0; i < count; i++) this.ys[i] = span > 0 ? (this.ys[i] - min) / span : 0;
    this.line.count = count;
    binMeans(this.line, this.steps, out, offset);
  }
}

/** A film's songs as one draw has them: song i sits at place places[i] with the mood of song moods[i]. */
export interface DrawnSongs {
  places: Int32Array;
  moods: Int32Array;
  count: number;
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
