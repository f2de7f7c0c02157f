/**
 * Stage 15: every stage's output → the story the site reads: per film (tracks, coverage,
 * arc on its own and on the dataset's scale, raw ranges, archetype and how often
 * resamples keep it there, order signal, shape, the study's figures, neighbours, map
 * position), per archetype (profiles) and the method's evidence. Numbers are rounded to
 * `decimals` so output bytes do not carry float noise.
 */
import { bisectLeft } from 'd3-array';
import { FEATURES, restartsFor, type FeatureName, type MethodConfig } from '../config.ts';
import { roundTo } from '../lib/linalg.ts';
import type {
  ArtistGenresSnapshot,
  Calibration,
  ClusterResult,
  FeatureRanges,
  Levels,
  Lineup,
  Coverage,
  FeaturedTrack,
  FilmArc,
  FilmSoundtrack,
  GenreMoodMap,
  MapResult,
  NullModel,
  OrderSignal,
  Power,
  Replication,
  Stability,
  Story,
  StoryFilm,
  StudyComparison,
  StudyResults,
} from '../schemas.ts';
import { meanMood } from './features.ts';
import type { FilmFeatures } from './features.ts';
import { describeFilms, profileArchetypes } from './profiles.ts';
import type { FilmShapeResult } from './shapes.ts';
import type { FilmTrend } from '../schemas.ts';

export interface ExportInput {
  soundtracks: FilmSoundtrack[];
  features: FilmFeatures[];
  arcs: FilmArc[];
  clusters: ClusterResult;
  nullModel: NullModel;
  stability: Stability;
  orderSignal: OrderSignal;
  trends: { imdbId: string; trend: FilmTrend }[];
  shapes: FilmShapeResult[];
  calibration: Calibration;
  power: Power | null;
  levels: Levels;
  lineup: Lineup | null;
  featureRanges: FeatureRanges | null;
  replication: Replication;
  /** Each film's artist runs (lengths), every film in film order. */
  runs: number[][];
  /** Each film's share of listing before its first and after its last song with a mood, in film order. */
  extrapolated: number[];
  study: StudyComparison;
  studyResults: StudyResults;
  levelPreservingAri: number;
  map: MapResult;
  moodMap: GenreMoodMap;
  artistGenres: ArtistGenresSnapshot;
  unmappedTags: Record<string, number>;
  unknownArtists: string[];
  warnings: string[];
  config: MethodConfig;
  /** Draws and resamples actually made (fewer than configured for large catalogues). */
  draws: { nullModel: number; stability: number };
}

export function coverageOf(tracks: FeaturedTrack[]): Coverage {
  return {
    entries: tracks.length,
    withPerformer: tracks.filter((t) => t.performers.length > 0).length,
    withGenres: tracks.filter((t) => t.genres.length > 0).length,
    withFeatures: tracks.filter((t) => t.features !== null).length,
  };
}

export function exportStory(input: ExportInput): Story {
  const { soundtracks, features, arcs, clusters, map, config } = input;
  const assignment = new Map(clusters.assignments.map((a) => [a.imdbId, a]));
  const mapPoint = new Map(map.points.map((p) => [p.imdbId, p]));
  const coAssignment = new Map(input.stability.films.map((f) => [f.imdbId, f.coAssignment]));
  const order = new Map(input.orderSignal.films.map((f) => [f.imdbId, f]));
  const shape = new Map(input.shapes.map((s) => [s.imdbId, s]));
  const trend = new Map(input.trends.map((t) => [t.imdbId, t.trend]));
  const studyArchetype = new Map<string, string>();
  for (const [name, ids] of Object.entries(input.studyResults.clusters)) for (const id of ids) studyArchetype.set(id, name);

  // Range widths of the clustered films, for "narrower than x% of films".
  const clusteredRanges = arcs.filter((a) => a.vector && a.range).map((a) => a.range!);
  // Each feature's clustered widths in order, so "narrower than" is a binary search, not a pass over every film per film.
  const sortedWidths = Object.fromEntries(
    FEATURES.map((f) => [f, Float64Array.from(clusteredRanges, (r) => r[f].max - r[f].min).sort()]),
  ) as Record<FeatureName, Float64Array>;
  const widest = Object.fromEntries(
    FEATURES.map((f) => [f, Math.max(1e-12, ...arcs.flatMap((a) => (a.range ? [a.range[f].max - a.range[f].min] : [])))]),
  ) as Record<FeatureName, number>;
  const allSamples = arcs.flatMap((a) => (a.range ? [a.range] : []));
  const globalSpan = Object.fromEntries(
    FEATURES.map((f) => [f, Math.max(...allSamples.map((r) => r[f].max)) - Math.min(...allSamples.map((r) => r[f].min))]),
  ) as Record<FeatureName, number>;

  const films: StoryFilm[] = soundtracks.map(({ film, soundtrack, missing }, i) => {
    const tracks = features[i].tracks;
    const arc = arcs[i];
    const a = assignment.get(film.imdbId);
    const point = mapPoint.get(film.imdbId);
    const flags: StoryFilm['flags'] = [...arc.flags];
    if (missing) flags.unshift('no-soundtrack');
    if (arc.points && input.extrapolated[i] > config.extrapolatedShareFlag) flags.push('mostly-extrapolated');
    const signal = order.get(film.imdbId);
    const filmShape = shape.get(film.imdbId);
    const range = arc.range;
    const rangeShare = range
      ? (Object.fromEntries(
          FEATURES.map((f) => {
            const width = range[f].max - range[f].min;
            const narrower = bisectLeft(sortedWidths[f], width - 1e-12);
            return [f, { share: width / widest[f], narrowerThan: clusteredRanges.length ? narrower / clusteredRanges.length : 0 }];
          }),
        ) as StoryFilm['rangeShare'])
      : null;
    const narrowFeatures =
      arc.points && range
        ? FEATURES.filter((f) => globalSpan[f] > 0 && (range[f].max - range[f].min) / globalSpan[f] < config.narrowRangeShare)
        : [];
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
      tracks: tracks.map((t) => ({
        position: t.position,
        title: t.title,
        performers: t.performers,
        remixers: t.remixers,
        uncredited: t.uncredited,
        genres: t.genres,
        contributingTags: t.contributingTags,
        unmappedTags: t.unmappedTags,
        features: t.features,
      })),
      arc: arc.points,
      levelArc: arc.levelPoints,
      range,
      rangeShare,
      narrowFeatures,
      level: meanMood(tracks.flatMap((t) => (t.features ? [t.features] : []))),
      archetype: a?.cluster ?? null,
      confidence: a ? (coAssignment.get(film.imdbId) ?? null) : null,
      orderSignal: signal
        ? {
            songs: signal.songs,
            runs: signal.runs,
            change: signal.change,
            shuffledChange: signal.shuffledChange,
            orderP: signal.orderP,
            smootherThan: signal.smootherThan,
            songOrderP: signal.songOrderP,
          }
        : null,
      trend: trend.get(film.imdbId) ?? null,
      shape: filmShape
        ? {
            shape: filmShape.shape,
            correlation: filmShape.correlation,
            shuffledSameShape: filmShape.shuffledSameShape,
            p: filmShape.p,
            beyondChance: filmShape.beyondChance,
          }
        : null,
      descriptors: null,
      study: { archetype: studyArchetype.get(film.imdbId) ?? null, featured: input.studyResults.tracksWithFeatures[film.imdbId] ?? null },
      nearest: clusters.nearest[film.imdbId] ?? [],
      map: point ? { x: point.x, y: point.y, pcaX: point.pcaX, pcaY: point.pcaY } : null,
    };
  });

  const descriptors = describeFilms(films);
  for (const film of films) film.descriptors = descriptors.get(film.imdbId) ?? null;
  const storyClusters = profileArchetypes({ films, clusters, stability: input.stability, study: input.study });
  const allTracks = features.flatMap((f) => f.tracks);
  const artistsWithoutGenres = Object.entries(input.artistGenres.artists)
    .filter(([, record]) => record.genres.length === 0)
    .map(([name]) => name)
    .sort();
  const providers: Record<string, number> = {};
  for (const record of Object.values(input.artistGenres.artists)) providers[record.source] = (providers[record.source] ?? 0) + 1;
  const { films: _stabilityFilms, ...stability } = input.stability;
  const { archetypes: _studyArchetypes, ...studyComparison } = input.study;

  const story: Story = {
    method: {
      steps: config.steps,
      arcScaling: config.arcScaling,
      minFeaturedTracks: config.minFeaturedTracks,
      pcaVarianceTarget: config.pcaVarianceTarget,
      kmeansRestarts: restartsFor(clusters.assignments.length, config),
      nullModelDraws: input.draws.nullModel,
      stabilityResamples: input.draws.stability,
      orderShuffles: config.orderShuffles,
      trendShuffles: config.trendShuffles,
      shapeShuffles: config.shapeShuffles,
      shapeMinCorrelation: config.shapeMinCorrelation,
      significance: config.significance,
      narrowRangeShare: config.narrowRangeShare,
      seeds: config.seeds,
    },
    coverage: coverageOf(allTracks),
    films,
    archetypes: storyClusters,
    analysis: {
      k: clusters.k,
      clusteredFilms: clusters.assignments.length,
      thinFilms: arcs.filter((a) => a.vector === null).map((a) => a.imdbId),
      components: clusters.components,
      explainedVariance: clusters.explainedVariance,
      inertia: clusters.inertia,
      kEvidence: clusters.kEvidence,
      nullModel: input.nullModel,
      stability,
      orderSignal: { shuffles: input.orderSignal.shuffles, overall: input.orderSignal.overall, songLevel: input.orderSignal.songLevel },
      calibration: input.calibration,
      power: input.power,
      levels: input.levels,
      lineup: input.lineup,
      featureRanges: input.featureRanges,
      replication: input.replication,
      studyComparison,
      levelPreservingAri: input.levelPreservingAri,
      map: { method: map.method, perplexity: map.perplexity },
    },
    genres: {
      moodMap: input.moodMap,
      unmappedTags: input.unmappedTags,
      unknownArtists: input.unknownArtists,
      artistsWithoutGenres,
      providers,
    },
    warnings: input.warnings,
  };
  return roundDeep(story, config.decimals);
}

/** Rounds every number in a JSON-like value; integers pass unchanged. */
export function roundDeep<T>(value: T, decimals: number): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : roundTo(value, decimals)) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, decimals)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v, decimals);
    return out as T;
  }
  return value;
}
