/**
 * Live mode: refresh the snapshot boxes from IMDb (and, with --genres, Spotify or
 * MusicBrainz) before the offline stages run. Loaded only for --live, so the default
 * offline run never pays for the scraper's dependencies.
 */
import { join } from 'node:path';
import { DataError } from '../lib/errors.ts';
import { defaultPolicy, policyFromEnv } from '../lib/http.ts';
import { artistKey } from '../lib/text.ts';
import { dataPaths, readInputs, type PipelineInputs } from '../pipeline/inputs.ts';
import { creditTracks } from '../stages/credits.ts';
import { loadSoundtracks } from '../stages/soundtracks.ts';
import { ImdbFetcher } from '../sources/imdb/fetch.ts';
import { refreshSoundtracks, type RefreshFailure } from '../sources/imdb/refresh.ts';
import { providerFromEnvironment, refreshArtistGenres } from '../sources/genres/refresh.ts';

export interface LiveOptions {
  dataDir: string;
  cacheDir: string;
  only: string[];
  genres: 'spotify' | 'musicbrainz' | null;
}

export async function refreshLive(
  options: LiveOptions,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RefreshFailure[]> {
  const paths = dataPaths(options.dataDir);
  const inputs = readInputs(options.dataDir);
  const ids = options.only.length ? options.only : inputs.films.map((f) => f.imdbId);
  const unknownIds = ids.filter((id) => !inputs.films.some((f) => f.imdbId === id));
  if (unknownIds.length)
    throw new DataError(paths.films, null, 'IMDb ID', `--only names ${unknownIds.join(', ')}, which data/films.csv does not list`);
  const policy = policyFromEnv(defaultPolicy, env);
  const fetcher = new ImdbFetcher({ cacheDir: join(options.cacheDir, 'imdb'), baseUrl: env.IMDB_BASE_URL, policy, log });
  const known = new Set(Object.keys(inputs.artistGenres.artists));
  const failures: RefreshFailure[] = [
    ...(await refreshSoundtracks(ids, fetcher, { snapshotDir: paths.soundtracks, knownArtists: known, log })).failures,
  ];
  if (options.genres) {
    const provider = providerFromEnvironment(options.genres, env, log);
    const current = readInputs(options.dataDir);
    const result = await refreshArtistGenres(creditedArtists(current), current.artistGenres, provider, {
      snapshotPath: paths.artistGenres,
      log,
      cacheDir: join(options.cacheDir, 'genres', provider.name),
    });
    failures.push(...result.failures.map((f) => ({ imdbId: `artist "${f.artist}"`, reason: f.reason })));
  }
  return failures;
}

/** Every performer and remixer the soundtracks credit, in first-seen order. */
export function creditedArtists(inputs: PipelineInputs): string[] {
  const { soundtracks } = loadSoundtracks(inputs.films, inputs.snapshots);
  const { films } = creditTracks(soundtracks, Object.keys(inputs.artistGenres.artists));
  const seen = new Map<string, string>();
  for (const track of films.flatMap((f) => f.tracks)) {
    for (const artist of [...track.performers, ...track.remixers]) if (!seen.has(artistKey(artist))) seen.set(artistKey(artist), artist);
  }
  return [...seen.values()];
}
