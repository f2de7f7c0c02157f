/**
 * A parsed page listing → the soundtrack snapshot format (scraper output). The same
 * format holds curated snapshots, marked `source: "curated"`.
 */
import { Soundtrack, type SoundtrackTrack } from '../../schemas.ts';
import { parseCredits, type CreditParseOptions } from '../../lib/credit-parser.ts';
import type { PageListing } from './page.ts';

export function listingToSoundtrack(
  listing: PageListing,
  imdbId: string,
  options: CreditParseOptions = {},
  source: Soundtrack['source'] = 'imdb',
): Soundtrack {
  const tracks = listing.entries.map((entry, index): SoundtrackTrack => {
    const parsed = parseCredits(entry.title, entry.credits, options);
    return { position: index + 1, entryId: entry.entryId, credits: entry.credits, ...parsed };
  });
  return Soundtrack.parse({
    imdbId: listing.imdbId ?? imdbId,
    title: listing.title,
    source,
    total: Math.max(listing.total, tracks.length),
    truncated: listing.truncated,
    tracks,
  });
}

/** The JSON the `imdb parse` command prints: the snapshot plus what the parser noticed. */
export function parseReport(listing: PageListing, fallbackId: string, options: CreditParseOptions = {}) {
  const soundtrack = listingToSoundtrack(listing, fallbackId, options);
  return {
    imdbId: listing.imdbId,
    title: soundtrack.title,
    layout: listing.layout,
    total: soundtrack.total,
    parsed: soundtrack.tracks.length,
    truncated: soundtrack.truncated,
    reason: listing.reason,
    reconciliation: listing.reconciliation,
    // Key order is the order a reader of the JSON wants: where, what, who.
    tracks: soundtrack.tracks.map(({ position, title, credits, performers, remixers, writers, composers, licensing, flags, entryId }) => ({
      position,
      title,
      credits,
      performers,
      remixers,
      writers,
      composers,
      licensing,
      flags,
      entryId,
    })),
  };
}
