/**
 * Zod schemas of every file and stage boundary. The site (src/) imports the same
 * schemas, through the zod instance Astro exposes, so a shape is defined once.
 */
import { z } from 'astro/zod';

export const ImdbId = z.string().regex(/^tt\d{7,9}$/, 'must look like tt0123456');
export const NameId = z.string().regex(/^nm\d{7,9}$/, 'must look like nm0123456');
const Num = z.number().finite();

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

export const Mood = z.object({
  valence: Num.min(0).max(1),
  energy: Num.min(0).max(1),
  danceability: Num.min(0).max(1),
  tempo: Num.positive().max(400),
});
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

export const SoundtrackTrack = ParsedCredits.extend({
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

export const ArcPoint = z.object({
  step: z.number().int().nonnegative(),
  t: Num.min(0).max(1),
  valence: Num,
  energy: Num,
  danceability: Num,
  tempo: Num,
});
export type ArcPoint = z.infer<typeof ArcPoint>;

export const FilmArc = z.object({
  imdbId: ImdbId,
  featuredTracks: z.number().int().nonnegative(),
  /** null when the film has no featured track at all: nothing to trace. */
  points: z.array(ArcPoint).nullable(),
  /** The flat vector clustered: steps of valence, then energy, danceability, tempo. */
  vector: z.array(Num).nullable(),
  flags: z.array(z.enum(['no-featured-tracks', 'few-featured-tracks'])),
});
export type FilmArc = z.infer<typeof FilmArc>;

export const KEvidenceRow = z.object({ k: z.number().int(), inertia: Num, silhouette: Num });

export const ClusterResult = z.object({
  k: z.number().int().positive(),
  /** Per clustered film, in film order; films without an arc are absent. */
  assignments: z.array(z.object({ imdbId: ImdbId, cluster: z.number().int().positive(), confidence: Num.min(0).max(1) })),
  unclustered: z.array(ImdbId),
  explainedVariance: z.array(Num),
  components: z.number().int().nonnegative(),
  inertia: Num,
  kEvidence: z.array(KEvidenceRow),
  kSupport: z.object({
    bestBySilhouette: z.number().int(),
    chosenRank: z.number().int(),
    candidates: z.number().int(),
    verdict: z.enum(['strong', 'moderate', 'weak']),
  }),
  /** Share of bootstrap resamples that put each pair in one cluster; null above the size limit. */
  coAssignment: z.array(z.array(Num)).nullable(),
  nearest: z.record(ImdbId, z.array(z.object({ imdbId: ImdbId, distance: Num }))),
  /** Standardised arc vectors' cluster centroids' pairwise distances, k × k. */
  clusterDistances: z.array(z.array(Num)),
});
export type ClusterResult = z.infer<typeof ClusterResult>;

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

export const StoryTrack = z.object({
  position: z.number().int().positive(),
  title: z.string(),
  performers: z.array(z.string()),
  remixers: z.array(z.string()),
  uncredited: z.boolean(),
  genres: z.array(z.string()),
  contributingTags: z.array(z.string()),
  unmappedTags: z.array(z.string()),
  features: Mood.nullable(),
});
export type StoryTrack = z.infer<typeof StoryTrack>;

export const StoryFilm = z.object({
  imdbId: ImdbId,
  slug: z.string(),
  title: z.string(),
  year: z.number().int(),
  order: z.number().int(),
  vibeKeywords: z.array(z.string()),
  source: SoundtrackSource,
  truncated: z.boolean(),
  coverage: Coverage,
  flags: z.array(z.enum(['no-featured-tracks', 'few-featured-tracks', 'no-soundtrack'])),
  tracks: z.array(StoryTrack),
  arc: z.array(ArcPoint).nullable(),
  /** Mean raw features over the featured tracks: the film's overall level. */
  level: Mood.nullable(),
  cluster: z.number().int().positive().nullable(),
  confidence: Num.min(0).max(1).nullable(),
  nearest: z.array(z.object({ imdbId: ImdbId, distance: Num })),
  map: z.object({ x: Num, y: Num, pcaX: Num, pcaY: Num }).nullable(),
});
export type StoryFilm = z.infer<typeof StoryFilm>;

export const StoryCluster = z.object({
  id: z.number().int().positive(),
  members: z.array(ImdbId),
  meanArc: z.array(ArcPoint),
  /** Standard deviation across member films at each step. */
  spreadArc: z.array(ArcPoint),
  level: Mood.nullable(),
  representativeTracks: z.array(z.object({ imdbId: ImdbId, position: z.number().int().positive() })),
  distinctiveGenres: z.array(z.object({ genre: z.string(), tracks: z.number().int(), share: Num, lift: Num })),
  nearestCluster: z.object({ id: z.number().int().positive(), distance: Num }).nullable(),
  /** Mean of (this mean arc − nearest cluster's mean arc) per feature. */
  differenceFromNearest: z.record(z.string(), Num).nullable(),
});
export type StoryCluster = z.infer<typeof StoryCluster>;

export const Story = z.object({
  method: z.object({
    steps: z.number().int(),
    arcScaling: z.enum(['per-film', 'level-preserving']),
    minFeaturedTracks: z.number().int(),
    pcaVarianceTarget: Num,
    kmeansRestarts: z.number().int(),
    bootstrapResamples: z.number().int(),
    seeds: z.object({ kmeans: z.number().int(), bootstrap: z.number().int(), tsne: z.number().int() }),
  }),
  coverage: Coverage,
  films: z.array(StoryFilm),
  clusters: z.array(StoryCluster),
  analysis: z.object({
    k: z.number().int(),
    components: z.number().int(),
    explainedVariance: z.array(Num),
    inertia: Num,
    kEvidence: z.array(KEvidenceRow),
    kSupport: ClusterResult.shape.kSupport,
    coAssignment: z.array(z.array(Num)).nullable(),
    coAssignmentFilms: z.array(ImdbId),
    map: z.object({ method: MapResult.shape.method, perplexity: Num }),
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
