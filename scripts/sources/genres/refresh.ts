/**
 * Live refresh of the artist→genres snapshot from MusicBrainz or Spotify. Every credited
 * artist is looked up once; a lookup that fails, finds no artist or finds it with no
 * genres keeps the previous record. Answers are cached, so a rerun after a failure resumes where it stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableJson, writeFileAtomic } from '../../lib/files.ts';
import { policyFromEnv, type HttpPolicy } from '../../lib/http.ts';
import { artistKey } from '../../lib/text.ts';
import { ArtistGenresSnapshot } from '../../schemas.ts';
import { MusicBrainzProvider } from './musicbrainz.ts';
import type { GenreLookup, GenreProvider } from './provider.ts';
import { SpotifyProvider } from './spotify.ts';

export const SPOTIFY_POLICY: HttpPolicy = { minIntervalMs: 100, timeoutMs: 15_000, retries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };
/** MusicBrainz asks clients for at most one request per second. */
export const MUSICBRAINZ_POLICY: HttpPolicy = { minIntervalMs: 1000, timeoutMs: 15_000, retries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** The provider named on the command line, configured from the environment only (credentials never come from files or flags). */
export function providerFromEnvironment(
  name: 'spotify' | 'musicbrainz',
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): GenreProvider {
  if (name === 'spotify') {
    return new SpotifyProvider({
      clientId: env.SPOTIFY_CLIENT_ID ?? '',
      clientSecret: env.SPOTIFY_CLIENT_SECRET ?? '',
      accountsUrl: env.SPOTIFY_ACCOUNTS_URL,
      apiUrl: env.SPOTIFY_API_URL,
      policy: policyFromEnv(SPOTIFY_POLICY, env),
      log,
    });
  }
  return new MusicBrainzProvider({
    baseUrl: env.MUSICBRAINZ_BASE_URL,
    contact: env.MUSICBRAINZ_CONTACT ?? 'https://github.com/soundtrack-arcs/soundtrack-arcs',
    policy: policyFromEnv(MUSICBRAINZ_POLICY, env),
    log,
  });
}

/**
 * Looks up each artist with the provider and writes the merged snapshot. The caller passes
 * the artists to look up and the snapshot they update, so this source never reads the
 * pipeline's stages.
 */
export async function refreshArtistGenres(
  artists: string[],
  previous: ArtistGenresSnapshot,
  provider: GenreProvider,
  {
    snapshotPath,
    log,
    cacheDir = join('.cache', 'genres', provider.name),
  }: { snapshotPath: string; log: (line: string) => void; cacheDir?: string },
): Promise<{ updated: string[]; notFound: string[]; noGenres: string[]; failures: { artist: string; reason: string }[] }> {
  const next: ArtistGenresSnapshot = { artists: { ...previous.artists } };
  const updated: string[] = [];
  const notFound: string[] = [];
  const noGenres: string[] = [];
  const failures: { artist: string; reason: string }[] = [];
  for (const artist of artists) {
    const cacheFile = join(cacheDir, `${encodeURIComponent(artistKey(artist))}.json`);
    try {
      let found: GenreLookup | null;
      if (existsSync(cacheFile)) found = JSON.parse(readFileSync(cacheFile, 'utf8')) as GenreLookup | null;
      else {
        found = await provider.lookup(artist);
        writeFileAtomic(cacheFile, JSON.stringify(found));
      }
      if (!found) {
        notFound.push(artist);
        continue;
      }
      // An empty list says nothing about the artist: Spotify answers every new app with empty
      // genres, and MusicBrainz an artist nobody has tagged. It must not wipe what is known,
      // and an artist with no record stays unknown rather than "has no genres".
      if (found.genres.length === 0) {
        noGenres.push(artist);
        continue;
      }
      // The spelling the soundtracks use stays the key; an older spelling of the same artist is replaced.
      for (const name of Object.keys(next.artists)) if (artistKey(name) === artistKey(artist) && name !== artist) delete next.artists[name];
      next.artists[artist] = { genres: found.genres, source: provider.name, providerId: found.providerId };
      updated.push(artist);
    } catch (error) {
      failures.push({ artist, reason: (error as Error).message });
      log(`  ${provider.name} "${artist}": FAILED, previous record kept: ${(error as Error).message}`);
    }
  }
  const sorted = {
    artists: Object.fromEntries(
      Object.keys(next.artists)
        .sort()
        .map((k) => [k, next.artists[k]]),
    ),
  };
  writeFileAtomic(snapshotPath, stableJson(ArtistGenresSnapshot.parse(sorted), 2));
  log(
    `  ${provider.name}: ${updated.length} artists updated, ${notFound.length} not found and ${noGenres.length} with no genres from ${provider.name} (both kept as they were), ${failures.length} failed`,
  );
  return { updated, notFound, noGenres, failures };
}
