/**
 * `npm run pipeline [-- options]`: runs every stage in order, offline from the committed
 * snapshot by default, and writes data/generated/ atomically.
 *
 *   --live                    refresh soundtrack snapshots from IMDb first
 *   --only <id> [<id>…]       with --live: only these films
 *   --genres spotify|musicbrainz   with --live: refresh artist genres from that provider
 *   --arcs per-film|level-preserving   arc scaling (default: per-film, as the study)
 *   --steps <n>, --k <n>      method overrides
 *   --data <dir>, --out <dir> folders (default: data, data/generated)
 *   --cache <dir>             raw pages and API answers of live runs (default: .cache)
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig, type MethodConfig } from './config.ts';
import { DataError } from './lib/errors.ts';
import { dataPaths, readInputs, runPipeline } from './run-pipeline.ts';
import { defaultPolicy, policyFromEnv } from './lib/http.ts';
import { ImdbFetcher } from './sources/imdb/fetch.ts';
import { refreshSoundtracks, type RefreshFailure } from './sources/imdb/refresh.ts';
import { refreshArtistGenres, providerFromEnvironment } from './sources/genres/refresh.ts';

export interface CliOptions {
  live: boolean;
  only: string[];
  genres: 'spotify' | 'musicbrainz' | null;
  dataDir: string;
  outDir: string | null;
  cacheDir: string;
  config: MethodConfig;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { live: false, only: [], genres: null, dataDir: 'data', outDir: null, cacheDir: '.cache', config: { ...defaultConfig } };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const integer = (min: number) => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${arg} needs a whole number of at least ${min}, not "${v}"`);
      return Number(v);
    };
    switch (arg) {
      case '--live':
        options.live = true;
        break;
      case '--only':
        while (argv[i + 1] && !argv[i + 1].startsWith('--')) options.only.push(argv[++i]);
        if (!options.only.length) throw new UsageError('--only needs at least one IMDb ID');
        break;
      case '--genres': {
        const v = value();
        if (v !== 'spotify' && v !== 'musicbrainz') throw new UsageError(`--genres takes spotify or musicbrainz, not "${v}"`);
        options.genres = v;
        break;
      }
      case '--arcs': {
        const v = value();
        if (v !== 'per-film' && v !== 'level-preserving') throw new UsageError(`--arcs takes per-film or level-preserving, not "${v}"`);
        options.config.arcScaling = v;
        break;
      }
      case '--steps':
        options.config.steps = integer(2);
        break;
      case '--k':
        options.config.k = integer(1);
        break;
      case '--data':
        options.dataDir = value();
        break;
      case '--out':
        options.outDir = value();
        break;
      case '--cache':
        options.cacheDir = value();
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if ((options.only.length || options.genres) && !options.live) throw new UsageError('--only and --genres go with --live');
  return options;
}

export class UsageError extends Error {}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`pipeline: ${(error as Error).message}`);
    return 2;
  }
  const log = (line: string) => console.log(line);
  const failures: RefreshFailure[] = [];
  const paths = dataPaths(options.dataDir);
  console.log(`Soundtrack Arcs pipeline${options.live ? ' (live)' : ''}: ${resolve(options.dataDir)}`);
  try {
    if (options.live) {
      const inputs = readInputs(options.dataDir);
      const known = new Set(Object.keys(inputs.artistGenres.artists));
      const ids = options.only.length ? options.only : inputs.films.map((f) => f.imdbId);
      const unknownIds = ids.filter((id) => !inputs.films.some((f) => f.imdbId === id));
      if (unknownIds.length) throw new DataError(paths.films, null, 'IMDb ID', `--only names ${unknownIds.join(', ')}, which data/films.csv does not list`);
      const fetcher = new ImdbFetcher({ cacheDir: join(options.cacheDir, 'imdb'), baseUrl: process.env.IMDB_BASE_URL, policy: policyFromEnv(defaultPolicy), log });
      const imdb = await refreshSoundtracks(ids, fetcher, paths.soundtracks, known, log);
      failures.push(...imdb.failures);
      if (options.genres) {
        const provider = providerFromEnvironment(options.genres, process.env, log);
        const genres = await refreshArtistGenres(readInputs(options.dataDir), provider, paths.artistGenres, log, join(options.cacheDir, 'genres', provider.name));
        failures.push(...genres.failures.map((f) => ({ imdbId: f.artist, reason: f.reason })));
      }
    }
    runPipeline({ dataDir: options.dataDir, outDir: options.outDir ?? undefined, config: options.config, log });
  } catch (error) {
    if (error instanceof DataError) console.error(`\npipeline stopped: ${error.message}\nThe previous data/generated/ was left as it was.`);
    else console.error(`\npipeline stopped: ${(error as Error).stack ?? error}\nThe previous data/generated/ was left as it was.`);
    return 1;
  }
  if (failures.length) {
    console.error(`\n${failures.length} live lookup(s) failed; their previous snapshots were kept:`);
    for (const f of failures) console.error(`  - ${f.imdbId}: ${f.reason}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
