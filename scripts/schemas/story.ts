/** The story: everything the site reads (data/generated/story.json). */
import { z } from 'astro/zod';
import { ImdbId } from './common.ts';
import { Num, Share, perFeature } from './fields.ts';
import { Film, GenreMoodMap, Mood, SoundtrackSource } from './inputs.ts';
import {
  ArcFlag,
  ArcPoint,
  Calibration,
  ClusterResult,
  CreditedTrack,
  FeatureNameSchema,
  FeatureRanges,
  FeaturedTrack,
  FilmOrderSignal,
  FilmShape,
  FilmTrend,
  Levels,
  Lineup,
  MapResult,
  Neighbour,
  NullModel,
  OrderSignal,
  Power,
  Replication,
  ShapeName,
  Stability,
  StudyComparison,
  StudyMatch,
  TrendWord,
} from './stages.ts';

// The story: everything the site reads (data/generated/story.json)

export const Coverage = z.object({
  entries: z.number().int().nonnegative(),
  withPerformer: z.number().int().nonnegative(),
  withGenres: z.number().int().nonnegative(),
  withFeatures: z.number().int().nonnegative(),
});
export type Coverage = z.infer<typeof Coverage>;

export const StoryTrack = FeaturedTrack.omit({ imdbId: true, unknownArtists: true });
export type StoryTrack = z.infer<typeof StoryTrack>;

export const LevelWord = z.enum(['low', 'middling', 'high']);
export const VolatilityWord = z.enum(['calm', 'moderate', 'volatile']);

/** Where a value stands among the clustered films': its rank (1 = highest), percentile and tercile word. */
const Standing = <W extends z.ZodTypeAny>(word: W) =>
  z.object({ value: Num, percentile: Share, rank: z.number().int().positive(), of: z.number().int().positive(), word });

/** A clustered film's own descriptors, from which every word about its archetype is voted. */
export const FilmDescriptors = z.object({
  level: perFeature(Standing(LevelWord)),
  /** Mean change between consecutive songs (its order signal's), against the other films. */
  volatility: Standing(VolatilityWord),
});
export type FilmDescriptors = z.infer<typeof FilmDescriptors>;

export const StoryFilm = Film.extend({
  source: SoundtrackSource,
  truncated: z.boolean(),
  coverage: Coverage,
  /** Caveats: why it has no arc, no snapshot, or an arc mostly held flat beyond its first and last songs with moods. */
  flags: z.array(z.enum([...ArcFlag.options, 'no-soundtrack', 'mostly-extrapolated'])),
  tracks: z.array(StoryTrack),
  /** Share of the listing before its first song with a mood and after its last, where the arc is held flat. */
  extrapolatedShare: Share,
  /** Its artist runs: lengths of the maximal stretches of consecutive songs with moods by the same artists. */
  runs: z.array(z.number().int().positive()),
  /** The arc the analysis used; null for a film with too few featured songs. */
  arc: z.array(ArcPoint).nullable(),
  /** The same arc on the whole dataset's scale. */
  levelArc: z.array(ArcPoint).nullable(),
  /** Raw min and max of each feature over the film's featured songs. */
  range: FeatureRanges.nullable(),
  /** Each feature's range as a share of the widest film's, and the share of clustered films with a narrower one. */
  rangeShare: perFeature(z.object({ share: Share, narrowerThan: Share })).nullable(),
  /** Features whose range is so narrow that per-film scaling stretches them: the page shows the level-preserving arc. */
  narrowFeatures: z.array(FeatureNameSchema),
  /** Mean raw features over the featured tracks: the film's overall level. */
  level: Mood.nullable(),
  /** The id of the archetype (published group) it is in; null for a film set apart. */
  archetype: z.number().int().positive().nullable(),
  /** How often the stability resamples kept the film with the other films of its archetype; null when alone or unclustered. */
  confidence: Share.nullable(),
  orderSignal: FilmOrderSignal.omit({ imdbId: true }).nullable(),
  /** Each feature's trend over the film: the one measure behind "rises" and "falls". Null when unclustered. */
  trend: FilmTrend.nullable(),
  shape: FilmShape.nullable(),
  descriptors: FilmDescriptors.nullable(),
  study: z.object({ archetype: z.string().nullable(), featured: z.number().int().nullable() }),
  nearest: z.array(Neighbour),
  map: MapResult.shape.points.element.omit({ imdbId: true }).nullable(),
});
export type StoryFilm = z.infer<typeof StoryFilm>;

/**
 * A word about an archetype, voted by its films: it holds when more than half of them
 * (both of a pair) have it, else it is "mixed"; `films` gives each member's own word.
 */
const GroupWord = <W extends z.ZodEnum<[string, ...string[]]>>(word: W) =>
  z.object({ word: z.union([word, z.literal('mixed')]), films: z.array(z.object({ imdbId: ImdbId, word })) });

export const ArchetypeDescriptors = z.object({
  /** Each feature's level against the clustered films: its members' tercile words. */
  level: perFeature(GroupWord(LevelWord)),
  /** Each feature's trend over a film (the trends stage's word for each member). */
  trend: perFeature(GroupWord(TrendWord)),
  volatility: GroupWord(VolatilityWord),
  /** Each member's story shape where it holds beyond chance, else no-clear-shape. */
  shape: GroupWord(ShapeName),
});
export type ArchetypeDescriptors = z.infer<typeof ArchetypeDescriptors>;

export const StoryArchetype = z.object({
  id: z.number().int().positive(),
  members: z.array(ImdbId),
  meanArc: z.array(ArcPoint),
  /** Standard deviation across member films at each step. */
  spreadArc: z.array(ArcPoint),
  /** Mean of its films' levels, each film weighing the same. */
  level: Mood.nullable(),
  /** Songs nearest the archetype's mean mood, at most two per film, from at least two films (none for one film). */
  representativeTracks: z.array(CreditedTrack.pick({ imdbId: true, position: true })),
  /** Genres over-represented among its songs, each carried by at least two of its films and by no one artist for more than half its songs. */
  distinctiveGenres: z.array(z.object({ genre: z.string(), tracks: z.number().int(), films: z.number().int(), share: Num, lift: Num })),
  nearestCluster: z.object({ id: z.number().int().positive(), distance: Num }).nullable(),
  /** Mean of (this mean arc − nearest cluster's mean arc) per feature. */
  differenceFromNearest: z.record(z.string(), Num).nullable(),
  descriptors: ArchetypeDescriptors,
  stability: Stability.shape.archetypes.element.omit({ archetype: true }),
  study: StudyMatch,
});
export type StoryArchetype = z.infer<typeof StoryArchetype>;

export const Story = z.object({
  method: z.object({
    steps: z.number().int(),
    arcScaling: z.enum(['per-film', 'level-preserving']),
    minFeaturedTracks: z.number().int(),
    pcaVarianceTarget: Num,
    kmeansRestarts: z.number().int(),
    nullModelDraws: z.number().int(),
    stabilityResamples: z.number().int(),
    orderShuffles: z.number().int(),
    trendShuffles: z.number().int(),
    shapeShuffles: z.number().int(),
    shapeMinCorrelation: Num,
    significance: Num,
    narrowRangeShare: Num,
    seeds: z.record(z.string(), z.number().int()),
  }),
  coverage: Coverage,
  films: z.array(StoryFilm),
  /** The groups KMeans found, as published: each with its essay's page. */
  archetypes: z.array(StoryArchetype),
  analysis: ClusterResult.pick({ k: true, components: true, explainedVariance: true, inertia: true, kEvidence: true }).extend({
    /** Films with enough featured songs to be clustered, and those set apart. */
    clusteredFilms: z.number().int(),
    thinFilms: z.array(ImdbId),
    nullModel: NullModel,
    stability: Stability.omit({ films: true }),
    orderSignal: OrderSignal.omit({ films: true }),
    calibration: Calibration,
    power: Power.nullable(),
    levels: Levels,
    lineup: Lineup.nullable(),
    /** Each feature's range over every song with a mood: the scale of level-preserving arcs. */
    featureRanges: FeatureRanges.nullable(),
    replication: Replication,
    studyComparison: StudyComparison.omit({ archetypes: true }),
    /** Adjusted Rand index between the published archetypes and those level-preserving arcs give. */
    levelPreservingAri: Num,
    map: MapResult.pick({ method: true, perplexity: true }),
  }),
  genres: z.object({
    moodMap: GenreMoodMap,
    unmappedTags: z.record(z.string(), z.number().int()),
    unknownArtists: z.array(z.string()),
    artistsWithoutGenres: z.array(z.string()),
    providers: z.record(z.string(), z.number().int()),
  }),
  warnings: z.array(z.string()),
});
export type Story = z.infer<typeof Story>;
