/**
 * Every stage's output for one film → the film as the story publishes it: its
 * tracks, coverage, arc on its own and on the dataset's scale, raw ranges and how they
 * compare, archetype and how often resamples keep it there, order signal, trend, shape,
 * the study's figures, neighbours and map position. Descriptors come from the profiles.
 */
import { bisectLeft } from 'd3-array';
import { FEATURES, type FeatureName, type MethodConfig } from '../config.ts';
import type {
  ClusterResult,
  Coverage,
  FeaturedTrack,
  FeatureRanges,
  FilmArc,
  FilmSoundtrack,
  FilmTrend,
  MapResult,
  OrderSignal,
  Stability,
  StoryFilm,
  StudyResults,
} from '../schemas.ts';
import { meanMood, type FilmFeatures } from './features.ts';
import type { FilmShapeResult } from './shapes.ts';

export interface StoryFilmsInput {
  soundtracks: FilmSoundtrack[];
  features: FilmFeatures[];
  arcs: FilmArc[];
  clusters: ClusterResult;
  stability: Stability;
  orderSignal: OrderSignal;
  trends: { imdbId: string; trend: FilmTrend }[];
  shapes: FilmShapeResult[];
  studyResults: StudyResults;
  map: MapResult;
  /** The dataset's range of each feature, over every song with a mood. */
  featureRanges: FeatureRanges | null;
  /** Each film's artist runs (lengths), every film in film order. */
  runs: number[][];
  /** Each film's share of listing before its first and after its last song with a mood, in film order. */
  extrapolated: number[];
  config: MethodConfig;
}

export function coverageOf(tracks: FeaturedTrack[]): Coverage {
  return {
    entries: tracks.length,
    withPerformer: tracks.filter((t) => t.performers.length > 0).length,
    withGenres: tracks.filter((t) => t.genres.length > 0).length,
    withFeatures: tracks.filter((t) => t.features !== null).length,
  };
}

/** How a film's range of each feature compares: its share of the widest film's, and the share of clustered films narrower. */
export function rangeComparison(arcs: FilmArc[]): (range: FeatureRanges) => NonNullable<StoryFilm['rangeShare']> {
  const clusteredRanges = arcs.filter((a) => a.vector && a.range).map((a) => a.range!);
  // Each feature's clustered widths in order, so "narrower than" is a binary search, not a pass over every film per film.
  const sortedWidths = Object.fromEntries(
    FEATURES.map((f) => [f, Float64Array.from(clusteredRanges, (r) => r[f].max - r[f].min).sort()]),
  ) as Record<FeatureName, Float64Array>;
  const widest = Object.fromEntries(
    FEATURES.map((f) => [f, Math.max(1e-12, ...arcs.flatMap((a) => (a.range ? [a.range[f].max - a.range[f].min] : [])))]),
  ) as Record<FeatureName, number>;
  return (range) =>
    Object.fromEntries(
      FEATURES.map((f) => {
        const width = range[f].max - range[f].min;
        const narrower = bisectLeft(sortedWidths[f], width - 1e-12);
        return [f, { share: width / widest[f], narrowerThan: clusteredRanges.length ? narrower / clusteredRanges.length : 0 }];
      }),
    ) as NonNullable<StoryFilm['rangeShare']>;
}

/** The features a film spans less than `narrowShare` of the dataset's range of: its arc there is mostly rescaled noise. */
export function narrowFeatures(range: FeatureRanges, dataset: FeatureRanges | null, narrowShare: number): FeatureName[] {
  if (!dataset) return [];
  return FEATURES.filter((f) => {
    const span = dataset[f].max - dataset[f].min;
    return span > 0 && (range[f].max - range[f].min) / span < narrowShare;
  });
}

export function storyFilms(input: StoryFilmsInput): StoryFilm[] {
  const byFilm = <T extends { imdbId: string }>(rows: T[]) => new Map(rows.map((row) => [row.imdbId, row]));
  const assignment = byFilm(input.clusters.assignments);
  const mapPoint = byFilm(input.map.points);
  const stability = byFilm(input.stability.films);
  const order = byFilm(input.orderSignal.films);
  const shape = byFilm(input.shapes);
  const trend = byFilm(input.trends);
  const studyArchetype = new Map<string, string>();
  for (const [name, ids] of Object.entries(input.studyResults.clusters)) for (const id of ids) studyArchetype.set(id, name);
  const rangeShareOf = rangeComparison(input.arcs);
  const { config } = input;

  return input.soundtracks.map(({ film, soundtrack, missing }, i) => {
    const tracks = input.features[i].tracks;
    const arc = input.arcs[i];
    const a = assignment.get(film.imdbId);
    const point = mapPoint.get(film.imdbId);
    const flags: StoryFilm['flags'] = [...arc.flags];
    if (missing) flags.unshift('no-soundtrack');
    if (arc.points && input.extrapolated[i] > config.extrapolatedShareFlag) flags.push('mostly-extrapolated');
    const range = arc.range;
    return {
      imdbId: film.imdbId,
      slug: film.slug,
      title: film.title,
      year: film.year,
      order: film.order,
      vibeKeywords: film.vibeKeywords,
      source: soundtrack.source,
      truncated: soundtrack.truncated,
      coverage: coverageOf(tracks),
      flags,
      extrapolatedShare: input.extrapolated[i],
      runs: input.runs[i],
      tracks: tracks.map(storyTrack),
      arc: arc.points,
      levelArc: arc.levelPoints,
      range,
      rangeShare: range ? rangeShareOf(range) : null,
      narrowFeatures: arc.points && range ? narrowFeatures(range, input.featureRanges, config.narrowRangeShare) : [],
      level: meanMood(tracks.flatMap((t) => (t.features ? [t.features] : []))),
      archetype: a?.cluster ?? null,
      confidence: a ? (stability.get(film.imdbId)?.coAssignment ?? null) : null,
      orderSignal: filmOrderSignal(order.get(film.imdbId)),
      trend: trend.get(film.imdbId)?.trend ?? null,
      shape: filmShape(shape.get(film.imdbId)),
      descriptors: null,
      study: { archetype: studyArchetype.get(film.imdbId) ?? null, featured: input.studyResults.tracksWithFeatures[film.imdbId] ?? null },
      nearest: input.clusters.nearest[film.imdbId] ?? [],
      map: point ? { x: point.x, y: point.y, pcaX: point.pcaX, pcaY: point.pcaY } : null,
    };
  });
}

function storyTrack(t: FeaturedTrack): StoryFilm['tracks'][number] {
  return {
    position: t.position,
    title: t.title,
    performers: t.performers,
    remixers: t.remixers,
    uncredited: t.uncredited,
    genres: t.genres,
    contributingTags: t.contributingTags,
    unmappedTags: t.unmappedTags,
    features: t.features,
  };
}

function filmOrderSignal(signal: OrderSignal['films'][number] | undefined): StoryFilm['orderSignal'] {
  if (!signal) return null;
  const { songs, runs, change, shuffledChange, orderP, smootherThan, songOrderP } = signal;
  return { songs, runs, change, shuffledChange, orderP, smootherThan, songOrderP };
}

function filmShape(shape: FilmShapeResult | undefined): StoryFilm['shape'] {
  if (!shape) return null;
  return {
    shape: shape.shape,
    correlation: shape.correlation,
    shuffledSameShape: shape.shuffledSameShape,
    p: shape.p,
    beyondChance: shape.beyondChance,
  };
}
