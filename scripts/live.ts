/**
 * Live mode: refresh the snapshot boxes from IMDb (and, with --genres, Spotify or
 * MusicBrainz) before the offline stages run. Loaded only for --live, so the default
 * offline run never pays for the scraper's dependencies.
 */
import { join } from 'node:path';
import { DataError } from './lib/errors.ts';
import { defaultPolicy, policyFromEnv } from './lib/http.ts';
import { dataPaths, readInputs } from './run-pipeline.ts';
import { ImdbFetcher } from './sources/imdb/fetch.ts';
import { refreshSoundtracks, type RefreshFailure } from './sources/imdb/refresh.ts';
import { providerFromEnvironment, refreshArtistGenres } from './sources/genres/refresh.ts';

export interface LiveOptions {
  dataDir: string;
  cacheDir: string;
  only: string[];
  genres: 'spotify' | 'musicbrainz' | null;
}

export async function refreshLive(options: LiveOptions, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<RefreshFailure[]> {
  const paths = dataPaths(options.dataDir);
  const inputs = readInputs(options.dataDir);
  const ids = options.only.length ? options.only : inputs.films.map((f) => f.imdbId);
  const unknownIds = ids.filter((id) => !inputs.films.some((f) => f.imdbId === id));
  if (unknownIds.length) throw new DataError(paths.films, null, 'IMDb ID', `--only names ${unknownIds.join(', ')}, which data/films.csv does not list`);
  const policy = policyFromEnv(defaultPolicy, env);
  const fetcher = new ImdbFetcher({ cacheDir: join(options.cacheDir, 'imdb'), baseUrl: env.IMDB_BASE_URL, policy, log });
  const known = new Set(Object.keys(inputs.artistGenres.artists));
  const failures: RefreshFailure[] = [...(await refreshSoundtracks(ids, fetcher, paths.soundtracks, known, log)).failures];
  if (options.genres) {
    const provider = providerFromEnvironment(options.genres, env, log);
    const result = await refreshArtistGenres(readInputs(options.dataDir), provider, paths.artistGenres, log, join(options.cacheDir, 'genres', provider.name));
    failures.push(...result.failures.map((f) => ({ imdbId: `artist "${f.artist}"`, reason: f.reason })));
  }
  return failures;
}
