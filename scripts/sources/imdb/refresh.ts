/**
 * Live refresh of soundtrack snapshots: each film is fetched, parsed and validated on
 * its own; a film that fails keeps its previous snapshot and the others go on.
 */
import { join } from 'node:path';
import { writeFileAtomic, stableJson } from '../../lib/files.ts';
import { ImdbFetcher } from './fetch.ts';
import { listingToSoundtrack } from './soundtrack.ts';

export interface RefreshFailure {
  imdbId: string;
  reason: string;
}

export async function refreshSoundtracks(
  imdbIds: string[],
  fetcher: ImdbFetcher,
  { snapshotDir, knownArtists, log }: { snapshotDir: string; knownArtists: ReadonlySet<string>; log: (line: string) => void },
): Promise<{ refreshed: string[]; failures: RefreshFailure[] }> {
  const refreshed: string[] = [];
  const failures: RefreshFailure[] = [];
  for (const imdbId of imdbIds) {
    try {
      const { listing, fromCache } = await fetcher.fetchSoundtrack(imdbId);
      if (listing.entries.length === 0) throw new Error(`the page lists no entries (${listing.reason ?? 'no reason given'})`);
      const soundtrack = listingToSoundtrack(listing, imdbId, { knownArtists });
      writeFileAtomic(join(snapshotDir, `${imdbId}.json`), stableJson(soundtrack, 2));
      refreshed.push(imdbId);
      const truncated = soundtrack.truncated ? ` (truncated: ${soundtrack.tracks.length} of ${soundtrack.total})` : '';
      log(`  imdb ${imdbId}: ${soundtrack.tracks.length} entries${truncated}${fromCache ? ' from cache' : ''}`);
    } catch (error) {
      const reason = (error as Error).message;
      failures.push({ imdbId, reason });
      log(`  imdb ${imdbId}: FAILED, previous snapshot kept: ${reason}`);
    }
  }
  return { refreshed, failures };
}
