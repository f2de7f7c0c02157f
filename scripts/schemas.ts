/**
 * Zod schemas of every file and stage boundary. The site (src/) imports the same
 * schemas, through the zod instance Astro exposes, so a shape is defined once.
 */
import { z } from 'astro/zod';
import { configure } from 'safe-stable-stringify';

const stringifySorted = configure({ deterministic: true, circularValue: TypeError, bigint: false });

/**
 * The bytes of every JSON file of the contract: object keys sorted at every level, so
 * equal data gives equal bytes. Defined here, where both sides read it, so the story the
 * site republishes is byte for byte the story the pipeline wrote.
 */
export function stableJson(value: unknown, indent = 0): string {
  return `${stringifySorted(value, null, indent)}\n`;
}

/** An IMDb title ID, unanchored, for embedding in larger patterns. */
export const IMDB_ID_SOURCE = 'tt\\d{7,9}';
/** A whole string that is an IMDb title ID, like tt0133189. */
export const IMDB_ID_PATTERN = new RegExp(`^${IMDB_ID_SOURCE}$`);

/** The four mood features, in the order every arc, vector and table uses. */
export const FEATURES = ['valence', 'energy', 'danceability', 'tempo'] as const;
export type FeatureName = (typeof FEATURES)[number];

export const ImdbId = z.string().regex(IMDB_ID_PATTERN, 'must look like tt0123456');
export const NameId = z.string().regex(/^nm\d{7,9}$/, 'must look like nm0123456');
const Num = z.number().finite();
/** One value per feature, every feature present, in FEATURES order. */
const perFeature = <T extends z.ZodTypeAny>(schema: T) =>
  z.object({ valence: schema, energy: schema, danceability: schema, tempo: schema });

// ─── Inputs ────────────────────────────────────────────────────────────────

export const Film = z.object({
  imdbId: ImdbId,
  title: z.string().min(1),
  year: z.number().int().min(1880).max(2100),
  vibeKeywords: z.array(z.string()),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Row order in films.csv, which orders everything downstream. */
  order: z.number().int().nonnegative(),
});
export type Film = z.infer<typeof Film>;

/** Valence, energy and danceability run from 0 to 1; tempo is in BPM. */
export const Mood = perFeature(Num.min(0).max(1)).extend({ tempo: Num.positive().max(400) });
export type Mood = z.infer<typeof Mood>;
export const GenreMoodMap = z.record(z.string().min(1), Mood);
export type GenreMoodMap = z.infer<typeof GenreMoodMap>;

// ─── Soundtrack snapshot: exactly what the IMDb scraper produces ────────────

/** A name the line links as one person or act; curated lines mark names with nameId null when IMDb's id is not known. */
export const CreditLink = z.object({ text: z.string().min(1), nameId: NameId.nullable() });
export type CreditLink = z.infer<typeof CreditLink>;

/** One credit line as the page words it, with the people it links. */
export const CreditLine = z.object({
  text: z.string(),
  links: z.array(CreditLink),
});
export type CreditLine = z.infer<typeof CreditLine>;

export const Person = z.object({
  name: z.string().min(1),
  nameId: NameId.nullable(),
  /** The "(as …)" alias the credit used, when it differs from the name. */
  creditedAs: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const CreditFlags = z.object({
  uncredited: z.boolean(),
  creditOnly: z.boolean(),
});

/** What the credit parser makes of a track's credit lines and title. */
export const ParsedCredits = z.object({
  title: z.string(),
  performers: z.array(Person),
  remixers: z.array(Person),
  writers: z.array(Person),
  composers: z.array(Person),
  /** "Courtesy of …" and "Under license from …" lines, as written. */
  licensing: z.array(z.string()),
  flags: CreditFlags,
});
export type ParsedCredits = z.infer<typeof ParsedCredits>;

/** A track's title as a page shows it: an empty or blank one would publish a row with no name and a search for nothing. */
const TrackTitle = z
  .string()
  .regex(
    /[^\s\p{Cf}]/u,
    'must have visible text: a track needs its title (an empty one, or one of spaces or invisible characters, would publish a row with no name)',
  );

export const SoundtrackTrack = ParsedCredits.extend({
  title: TrackTitle,
  position: z.number().int().positive(),
  /** IMDb's own id of the entry (sn…), when read from a page. */
  entryId: z.string().nullable(),
  credits: z.array(CreditLine),
});
export type SoundtrackTrack = z.infer<typeof SoundtrackTrack>;

/** imdb: fetched live; imdb-saved-page: imported from a page saved in a browser (`imdb import`); curated: researched. */
export const SoundtrackSource = z.enum(['imdb', 'imdb-saved-page', 'curated']);

export const Soundtrack = z.object({
  imdbId: ImdbId,
  title: z.string(),
  source: SoundtrackSource,
  /** Entries the page says it has (IMDb's `total`); may exceed tracks.length when truncated. */
  total: z.number().int().nonnegative(),
  truncated: z.boolean(),
  tracks: z.array(SoundtrackTrack),
});
export type Soundtrack = z.infer<typeof Soundtrack>;

// ─── Artist genres snapshot ────────────────────────────────────────────────

export const GenreProvider = z.enum(['curated', 'spotify', 'musicbrainz']);
export type GenreProvider = z.infer<typeof GenreProvider>;

export const ArtistGenres = z.object({
  genres: z.array(z.string().min(1)),
  source: GenreProvider,
  /** The provider's own id for the artist, when it came from a live lookup. */
  providerId: z.string().nullable().default(null),
});
export type ArtistGenres = z.infer<typeof ArtistGenres>;

export const ArtistGenresSnapshot = z.object({
  artists: z.record(z.string().min(1), ArtistGenres),
});
export type ArtistGenresSnapshot = z.infer<typeof ArtistGenresSnapshot>;

// ─── Stage outputs ─────────────────────────────────────────────────────────

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
const ArcFlag = z.enum(['no-featured-tracks', 'few-featured-tracks']);

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
const Neighbour = z.object({ imdbId: ImdbId, distance: Num });

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

const Share = Num.min(0).max(1);

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

/** What the study published of its own run (data/reference/study-results.json). */
export const StudyResults = z.object({
  about: z.string(),
  method: z.record(z.string(), z.unknown()),
  clusters: z.record(z.string().min(1), z.array(ImdbId)),
  tracksWithFeatures: z.record(ImdbId, z.number().int().nonnegative()),
});
export type StudyResults = z.infer<typeof StudyResults>;

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

// ─── The story: everything the site reads (data/generated/story.json) ──────

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

// ─── Curation records (data/sources/<imdbId>.json): the research behind a curated snapshot ──

export const CurationEntry = z.object({
  position: z.number().int().positive(),
  /** The entry exactly as the study's reference lists it (with any credit residue). */
  referenceTitle: z.string(),
  title: z.string().min(1),
  /** Credit lines worded as IMDb words them; only what the research established. */
  credits: z.array(z.string().min(1)),
  performers: z.array(z.string().min(1)),
  remixers: z.array(z.string().min(1)),
  confidence: z.enum(['high', 'medium', 'unknown']),
  evidence: z.string(),
});
export type CurationEntry = z.infer<typeof CurationEntry>;

export const CurationRecord = z.object({
  imdbId: ImdbId,
  film: z.string(),
  sources: z.array(z.object({ url: z.string(), what: z.string() })),
  entries: z.array(CurationEntry),
  artists: z.record(z.string().min(1), z.object({ genres: z.array(z.string()), note: z.string().optional() })),
});
export type CurationRecord = z.infer<typeof CurationRecord>;
