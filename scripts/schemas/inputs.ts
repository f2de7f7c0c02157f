/**
 * The data files the pipeline reads: the film list, the genre→mood map, the snapshots of
 * IMDb soundtracks and of artists' genres, the study's published results, curation records.
 */
import { z } from 'astro/zod';
import { ImdbId, NameId } from './common.ts';
import { Num, perFeature } from './fields.ts';

// Inputs

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

// Soundtrack snapshot: exactly what the IMDb scraper produces

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

// Artist genres snapshot

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

/** What the study published of its own run (data/reference/study-results.json). */
export const StudyResults = z.object({
  about: z.string(),
  method: z.record(z.string(), z.unknown()),
  clusters: z.record(z.string().min(1), z.array(ImdbId)),
  tracksWithFeatures: z.record(ImdbId, z.number().int().nonnegative()),
});
export type StudyResults = z.infer<typeof StudyResults>;

// Curation records (data/sources/<imdbId>.json): the research behind a curated snapshot

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
