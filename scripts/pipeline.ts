/**
 * `npm run pipeline [-- options]`: runs every stage in order, offline from the committed
 * snapshot by default, and writes data/generated/ atomically.
 *
 *   --live                    refresh soundtrack snapshots from IMDb first
 *   --only <id> [<id>…]       with --live: only these films
 *   --genres [musicbrainz|spotify]  with --live: refresh artist genres (default MusicBrainz)
 *   --arcs per-film|level-preserving   arc scaling (default: per-film, as the study)
 *   --steps <n>, --k <n>      method overrides
 *   --data <dir>, --out <dir> folders (default: data, data/generated)
 *   --cache <dir>             raw pages and API answers of live runs (default: .cache)
 */
import { resolve } from 'node:path';
import { defaultConfig, type MethodConfig } from './config.ts';
import { runPipeline, type StageTiming } from './run-pipeline.ts';
import { runIfMain } from './lib/main.ts';

export interface CliOptions {
  live: boolean;
  only: string[];
  genres: 'spotify' | 'musicbrainz' | null;
  dataDir: string;
  outDir: string | null;
  cacheDir: string;
  /** Print per-stage timings and peak memory as one JSON line (for npm run bench). */
  timings: boolean;
  config: MethodConfig;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { live: false, only: [], genres: null, dataDir: 'data', outDir: null, cacheDir: '.cache', timings: false, config: { ...defaultConfig } };
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
        // Alone, MusicBrainz: it needs no key, and Spotify returns empty genres to new apps.
        const v = argv[i + 1] === undefined || argv[i + 1].startsWith('--') ? 'musicbrainz' : value();
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
      case '--timings':
        options.timings = true;
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
  const failures: { imdbId: string; reason: string }[] = [];
  console.log(`Soundtrack Arcs pipeline${options.live ? ' (live)' : ''}: ${resolve(options.dataDir)}`);
  let timings: StageTiming[] = [];
  try {
    if (options.live) {
      const { refreshLive } = await import('./live.ts');
      failures.push(...(await refreshLive(options, log)));
    }
    timings = runPipeline({ dataDir: options.dataDir, outDir: options.outDir ?? undefined, config: options.config, log }).timings;
  } catch (error) {
    // A person reads this: the message, not a stack trace (SOUNDTRACK_ARCS_DEBUG=1 shows it).
    const detail = process.env.SOUNDTRACK_ARCS_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message;
    console.error(`\npipeline stopped: ${detail}\nThe previous data/generated/ was left as it was.`);
    return 1;
  }
  if (options.timings) console.log(`TIMINGS ${JSON.stringify({ stages: timings, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}`);
  if (failures.length) {
    console.error(`\n${failures.length} live lookup(s) failed; their previous snapshots were kept:`);
    for (const f of failures) console.error(`  - ${f.imdbId}: ${f.reason}`);
    return 1;
  }
  return 0;
}

runIfMain(import.meta.url, main);
