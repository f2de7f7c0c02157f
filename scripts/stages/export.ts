/**
 * Every stage's output → the story the site reads: the films and archetypes as the
 * earlier stages made them, the method's settings, the evidence, the genres' record and the
 * warnings. Numbers are rounded to `decimals` so output bytes do not carry float noise.
 */
import { restartsFor, type MethodConfig } from '../config.ts';
import type {
  ArtistGenresSnapshot,
  Calibration,
  ClusterResult,
  FeatureRanges,
  FilmArc,
  GenreMoodMap,
  Levels,
  Lineup,
  MapResult,
  NullModel,
  OrderSignal,
  Power,
  Replication,
  Stability,
  Story,
  StoryArchetype,
  StoryFilm,
  StudyComparison,
} from '../schemas.ts';
import type { FilmFeatures } from './features.ts';
import { coverageOf } from './story-films.ts';

export interface ExportInput {
  films: StoryFilm[];
  archetypes: StoryArchetype[];
  features: FilmFeatures[];
  arcs: FilmArc[];
  clusters: ClusterResult;
  nullModel: NullModel;
  stability: Stability;
  orderSignal: OrderSignal;
  calibration: Calibration;
  power: Power | null;
  levels: Levels;
  lineup: Lineup | null;
  featureRanges: FeatureRanges | null;
  replication: Replication;
  study: StudyComparison;
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

export function exportStory(input: ExportInput): Story {
  const { features, arcs, clusters, map, config, films } = input;
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
    coverage: coverageOf(features.flatMap((f) => f.tracks)),
    films,
    archetypes: input.archetypes,
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
    genres: genresRecord(input),
    warnings: input.warnings,
  };
  return roundDeep(story, config.decimals);
}

/** What the story says of the genres: the mood map, the tags it lacks, the artists without genres and where genres came from. */
function genresRecord(input: ExportInput): Story['genres'] {
  const artistsWithoutGenres = Object.entries(input.artistGenres.artists)
    .filter(([, record]) => record.genres.length === 0)
    .map(([name]) => name)
    .sort();
  const providers: Record<string, number> = {};
  for (const record of Object.values(input.artistGenres.artists)) providers[record.source] = (providers[record.source] ?? 0) + 1;
  return {
    moodMap: input.moodMap,
    unmappedTags: input.unmappedTags,
    unknownArtists: input.unknownArtists,
    artistsWithoutGenres,
    providers,
  };
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

/** Rounded to `decimals` places, and never -0 (which JSON would print as 0 anyway, but tests compare with Object.is). */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
