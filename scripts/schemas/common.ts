/** What every file of the contract shares: the bytes of its JSON, IMDb's ids, the mood features. */
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
