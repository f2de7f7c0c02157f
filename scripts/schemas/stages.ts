/** What each stage of the pipeline hands the next, checked at the boundary. */
import { z } from 'astro/zod';
import { FEATURES, ImdbId } from './common.ts';
import { Num, Share, perFeature } from './fields.ts';
import { Film, Mood, Soundtrack } from './inputs.ts';

// Stage outputs

export const FilmSoundtrack = z.object({
  film: Film,
  soundtrack: Soundtrack,
  /** Where the snapshot came from, for error messages and provenance. */
  file: z.string(),
  /** No snapshot file exists for the film (as opposed to one that lists nothing). */
  missing: z.boolean(),
});
export type FilmSoundtrack = z.infer<typeof FilmSoundtrack>;

export const CreditedTrack = z.object({
  imdbId: ImdbId,
  position: z.number().int().positive(),
  title: z.string(),
  performers: z.array(z.string()),
  remixers: z.array(z.string()),
  uncredited: z.boolean(),
});
export type CreditedTrack = z.infer<typeof CreditedTrack>;

export const GenredTrack = CreditedTrack.extend({
  genres: z.array(z.string()),
  /** Credited artists the genre snapshot does not know at all. */
  unknownArtists: z.array(z.string()),
});
export type GenredTrack = z.infer<typeof GenredTrack>;

export const FeaturedTrack = GenredTrack.extend({
  /** Genre tags that matched the mood map and were averaged. */
  contributingTags: z.array(z.string()),
  unmappedTags: z.array(z.string()),
  features: Mood.nullable(),
});
export type FeaturedTrack = z.infer<typeof FeaturedTrack>;

export const ArcPoint = z
  .object({
    step: z.number().int().nonnegative(),
    t: Num.min(0).max(1),
  })
  .merge(perFeature(Num));
export type ArcPoint = z.infer<typeof ArcPoint>;

export const FeatureNameSchema = z.enum(FEATURES);

/** A film's raw range per feature, before any scaling. */
export const FeatureRanges = perFeature(z.object({ min: Num, max: Num }));
export type FeatureRanges = z.infer<typeof FeatureRanges>;

/** Why a film has no arc. */
export const ArcFlag = z.enum(['no-featured-tracks', 'few-featured-tracks']);

export const FilmArc = z.object({
  imdbId: ImdbId,
  featuredTracks: z.number().int().nonnegative(),
  /** null when the film has fewer featured tracks than the minimum: it has no arc. */
  points: z.array(ArcPoint).nullable(),
  /** The same arc scaled to the whole dataset's range, so the film's level survives. */
  levelPoints: z.array(ArcPoint).nullable(),
  /** The flat vector clustered: steps of valence, then energy, danceability, tempo. */
  vector: z.array(Num).nullable(),
  range: FeatureRanges.nullable(),
  flags: z.array(ArcFlag),
});
export type FilmArc = z.infer<typeof FilmArc>;

export const KEvidenceRow = z.object({ k: z.number().int(), inertia: Num, silhouette: Num });
/** A film near another, by the distance between their standardised arcs. */
export const Neighbour = z.object({ imdbId: ImdbId, distance: Num });

export const ClusterResult = z.object({
  k: z.number().int().positive(),
  /** Per clustered film, in film order; films without an arc are absent. */
  assignments: z.array(z.object({ imdbId: ImdbId, cluster: z.number().int().positive() })),
  unclustered: z.array(ImdbId),
  explainedVariance: z.array(Num),
  components: z.number().int().nonnegative(),
  inertia: Num,
  kEvidence: z.array(KEvidenceRow),
  nearest: z.record(ImdbId, z.array(Neighbour)),
  /** Standardised arc vectors' cluster centroids' pairwise distances, k × k. */
  clusterDistances: z.array(z.array(Num)),
});
export type ClusterResult = z.infer<typeof ClusterResult>;

const NullModelRow = z.object({
  k: z.number().int(),
  silhouette: Num,
  nullMean: Num,
  nullP95: Num,
  p: Share,
  pError: Num,
  beyondChance: z.boolean(),
});

export const NullModel = z.object({
  draws: z.number().int().nonnegative(),
  /** Fewer draws than configured (a large catalogue); each p carries its Monte Carlo error. */
  reduced: z.boolean(),
  significance: Num,
  /** What a draw reorders: whole artist runs. */
  shuffle: z.literal('blocks'),
  byK: z.array(NullModelRow),
  /** The withdrawn test at the chosen k: single songs shuffled, which breaks up artist runs. */
  songLevel: NullModelRow.nullable(),
  verdict: z.object({
    chosenK: z.number().int(),
    chosenP: Share,
    beyondChance: z.boolean(),
    /** Other k whose real order beats the draws at the significance level: shown, not claimed. */
    otherKBeyondChance: z.array(z.number().int()),
    text: z.string(),
  }),
});
export type NullModel = z.infer<typeof NullModel>;

/** 'single': an archetype of one film, which no resample can split. */
export const StabilityReading = z.enum(['stable', 'fragile', 'dissolved', 'single']);
export type StabilityReading = z.infer<typeof StabilityReading>;
export const Stability = z.object({
  resamples: z.number().int().nonnegative(),
  reduced: z.boolean(),
  thresholds: z.object({ stable: Num, dissolved: Num }),
  /** Random relabellings behind each archetype's baseline. */
  baselineDraws: z.number().int().nonnegative(),
  archetypes: z.array(
    z.object({
      archetype: z.number().int().positive(),
      jaccard: Share,
      dissolved: Share,
      /** The same figure when each resample's groups are a random relabelling of the films, same sizes. */
      baseline: z.object({ mean: Share, p95: Share }),
      reading: StabilityReading,
      size: z.number().int(),
    }),
  ),
  films: z.array(z.object({ imdbId: ImdbId, coAssignment: Share.nullable() })),
  /** Share of resamples that put each pair in one cluster; null above the size limit. */
  coAssignment: z.array(z.array(Num)).nullable(),
  coAssignmentFilms: z.array(ImdbId),
  /** Pairs of films in one cluster in more than half of the resamples. */
  pairs: z.array(z.object({ films: z.tuple([ImdbId, ImdbId]), share: Share, sameArchetype: z.boolean() })),
  /** Films kept with a film of another archetype more often than with their own archetype's films. */
  strays: z.array(z.object({ imdbId: ImdbId, withOwn: Share, other: ImdbId, withOther: Share })),
});
export type Stability = z.infer<typeof Stability>;

export const FilmOrderSignal = z.object({
  imdbId: ImdbId,
  songs: z.number().int(),
  /** Artist runs among its songs with moods: the units the order tests move. */
  runs: z.number().int(),
  /** Mean absolute change of the four z-scored features between consecutive featured songs. */
  change: Num,
  /** Mean change over reorderings of its artist runs. */
  shuffledChange: Num,
  orderP: Share,
  /** Share of reorderings whose neighbouring songs differ more than the real order's. */
  smootherThan: Share,
  /** The withdrawn single-song test's p, for the record. */
  songOrderP: Share,
});
const PooledOrder = z.object({
  shuffle: z.enum(['blocks', 'songs']),
  ratio: Num,
  p: Share,
  filmsBelowSignificance: z.number().int(),
  filmsTested: z.number().int(),
  expectedByChance: Num,
});
export const OrderSignal = z.object({
  shuffles: z.number().int(),
  films: z.array(FilmOrderSignal),
  overall: PooledOrder,
  /** The same with single songs shuffled: what the withdrawn test said. */
  songLevel: PooledOrder,
});
export type OrderSignal = z.infer<typeof OrderSignal>;

export const ShapeName = z.enum(['rags-to-riches', 'tragedy', 'man-in-a-hole', 'icarus', 'cinderella', 'oedipus', 'no-clear-shape']);
export type ShapeName = z.infer<typeof ShapeName>;
export const FilmShape = z.object({
  shape: ShapeName,
  correlation: Num,
  shuffledSameShape: Share,
  /** Reorderings of its runs, the real order counted, with the same shape at least as closely; 1 for no clear shape. */
  p: Share,
  beyondChance: z.boolean(),
});

export const TrendWord = z.enum(['falling', 'no-trend', 'rising']);
export type TrendWord = z.infer<typeof TrendWord>;
/** A feature's slope over the film, in standard deviations of all songs, with its p over run reorderings. */
export const FeatureTrend = z.object({ slope: Num, p: Share, word: TrendWord });
export const FilmTrend = perFeature(FeatureTrend);
export type FilmTrend = z.infer<typeof FilmTrend>;

export const CalibrationTestId = z.enum([
  'clustering',
  'order-within-films',
  'order-pooled',
  'trend',
  'shape',
  'order-within-films-songs',
  'order-pooled-songs',
  'archetype-spread',
]);
export type CalibrationTestId = z.infer<typeof CalibrationTestId>;
export const Calibration = z.object({
  significance: Num,
  worlds: z.number().int(),
  tests: z.array(
    z.object({
      id: CalibrationTestId,
      /** What one test is about: a whole catalogue, a film, a film's feature, an archetype. */
      unit: z.enum(['catalogue', 'film', 'film and feature', 'archetype']),
      worlds: z.number().int(),
      /** Tests made over all worlds. */
      tests: z.number().int(),
      /** Share of them with p below the significance level. */
      rejectionRate: Share,
      /** Monte Carlo standard error of that share. */
      error: Num,
      withdrawn: z.boolean(),
      /** How many of the real data's tests said "beyond chance" (null where not counted). */
      observed: z.number().int().nullable(),
      /** Share of worlds, the real data counted, with at least as many: a p for that count. */
      countP: Share.nullable(),
    }),
  ),
  /** Draws the clustering test made per world before its answer was known. */
  clusteringDraws: z.object({ mean: Num, max: Num }),
});
export type Calibration = z.infer<typeof Calibration>;

export const Power = z.object({
  significance: Num,
  /** Draws of the clustering test in each world. */
  draws: z.number().int(),
  shapes: z.array(z.string()),
  curve: z.array(z.object({ strength: Num, worlds: z.number().int(), detection: Share, detectionError: Num, ari: Num, ariError: Num })),
  caught: z.object({
    /** The weakest planted strength caught at least 80% of the time; null if none was. */
    strength80: Num.nullable(),
    detection80: Share.nullable(),
    atStrengthOne: Share.nullable(),
  }),
});
export type Power = z.infer<typeof Power>;

export const StudyMatch = z.object({
  /** The study archetype sharing the most films with this one (Jaccard), null when none shares any. */
  name: z.string().nullable(),
  jaccard: Share,
  shared: z.array(ImdbId),
  studySize: z.number().int(),
  /** Most of this archetype's films and most of the study archetype's are the same films. */
  keepsStudyName: z.boolean(),
});
export type StudyMatch = z.infer<typeof StudyMatch>;

export const StudyComparison = z.object({
  /** Adjusted Rand index over the films both clustered: 1 identical, about 0 chance. */
  ari: Num,
  films: z.number().int(),
  archetypes: z.array(StudyMatch.extend({ cluster: z.number().int().positive() })),
});
export type StudyComparison = z.infer<typeof StudyComparison>;

/** A feature's level in one film, with a 95% bootstrap interval, and its rank among the films with one. */
const FeatureLevel = z.object({
  mean: Num,
  low: Num,
  high: Num,
  /** 1 = highest. */
  rank: z.number().int().positive(),
  rankLow: Num,
  rankHigh: Num,
  /** Share of resamples in which it ranks first, and last. */
  firstShare: Share,
  lastShare: Share,
});
export const Levels = z.object({
  resamples: z.number().int(),
  films: z.array(z.object({ imdbId: ImdbId, artists: z.number().int(), features: perFeature(FeatureLevel) })),
});
export type Levels = z.infer<typeof Levels>;

/** One film's real arc among arcs of its artist runs in other orders: the story's opening question. */
export const Lineup = z.object({
  imdbId: ImdbId,
  runs: z.number().int(),
  songs: z.number().int(),
  /** Where the real arc stands in `arcs`, from 0. */
  realIndex: z.number().int().nonnegative(),
  arcs: z.array(z.array(ArcPoint)),
});
export type Lineup = z.infer<typeof Lineup>;

const Agreement = z.object({ ari: Num, films: z.number().int() });

/** Where this run differs from the study's, and what each difference does to the archetypes. */
export const Replication = z.object({
  study: z.object({
    components: z.number().int(),
    seed: z.number().int(),
    minFeaturedTracks: z.number().int(),
    reading: z.enum(['bins', 'points']),
  }),
  /** Each setting as the study had it and as this site has it, with the agreement (adjusted Rand index) between the published archetypes and those that one change gives. */
  differences: z.array(
    z.object({
      setting: z.enum(['components', 'seed', 'minimum-songs', 'arc-reading']),
      study: z.string(),
      site: z.string(),
      ari: Num,
      films: z.number().int(),
    }),
  ),
  agreement: z.object({
    /** The published archetypes against the study's. */
    published: Agreement,
    /** This data with every setting as the study had it, against the study's archetypes: what is left is the data. */
    studySettings: Agreement,
    publishedWithStudySettings: Agreement,
  }),
  /** Songs with mood features per film, in the study's run and here. */
  featured: z.array(z.object({ imdbId: ImdbId, study: z.number().int().nullable(), site: z.number().int() })),
  featuredTotals: z.object({ study: z.number().int(), site: z.number().int(), filmsDiffering: z.number().int() }),
  /** Songs with moods of the clustered films, and how many of them the study's reading (the line at the steps' places) never touches. */
  unusedByPoints: z.object({ songs: z.number().int(), unused: z.number().int() }),
});
export type Replication = z.infer<typeof Replication>;

export const MapResult = z.object({
  method: z.enum(['tsne-js', 'exact-tsne', 'barnes-hut-tsne', 'none']),
  perplexity: Num,
  points: z.array(z.object({ imdbId: ImdbId, x: Num, y: Num, pcaX: Num, pcaY: Num })),
});
export type MapResult = z.infer<typeof MapResult>;
