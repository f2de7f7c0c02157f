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
 *   --fresh                   run the analysis even when the story already written is current
 *
 * A run whose data, settings and code are those of the story already written reuses it
 * (reuse.ts) and says so; live runs and timed runs (--timings, the benchmark's) never do.
 */
import { join, resolve } from 'node:path';
import { defaultConfig, type MethodConfig } from '../config.ts';
import { oneOf, parseCommandLine, parseOrExplain, UsageError, USAGE_EXIT_CODE, wholeNumber } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import type { StageTiming } from '../pipeline/analyse.ts';
import { dataPaths } from '../pipeline/inputs.ts';
import { analysisKey, codeVersion, storedWarnings, storyIsCurrent } from '../pipeline/reuse.ts';
import { formatWarnings } from '../pipeline/warnings.ts';
import { runPipeline } from '../pipeline/run.ts';

export interface CliOptions {
  live: boolean;
  only: string[];
  genres: 'spotify' | 'musicbrainz' | null;
  dataDir: string;
  outDir: string | null;
  cacheDir: string;
  /** Print per-stage timings and peak memory as one JSON line (for npm run bench). */
  timings: boolean;
  /** Run the analysis even when the written story is current. */
  fresh: boolean;
  config: MethodConfig;
}

export function parsePipelineOptions(argv: string[]): CliOptions {
  // --genres alone means MusicBrainz: it needs no key, and Spotify returns empty genres to new apps.
  const args = argv.flatMap((arg, i) =>
    arg === '--genres' && (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) ? [arg, 'musicbrainz'] : [arg],
  );
  const { values, tokens } = parseCommandLine(
    args,
    {
      live: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      genres: { type: 'string' },
      arcs: { type: 'string' },
      steps: { type: 'string' },
      k: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      timings: { type: 'boolean' },
      fresh: { type: 'boolean' },
    },
    { positionals: true, needs: { only: 'at least one IMDb ID' } },
  );
  // --only takes every word that follows it (--only tt0133189 tt0120238); a word anywhere else is a mistake.
  const only: string[] = [];
  let takingFilms = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      takingFilms = token.name === 'only';
      if (takingFilms) only.push(token.value!);
    } else if (token.kind === 'positional') {
      if (!takingFilms) throw new UsageError(`unknown option ${token.value}`);
      only.push(token.value);
    } else takingFilms = false; // "--" ends the options
  }
  const config = { ...defaultConfig };
  if (values.arcs !== undefined) config.arcScaling = oneOf('--arcs', values.arcs, ['per-film', 'level-preserving'] as const);
  if (values.steps !== undefined) config.steps = wholeNumber('--steps', values.steps, 2);
  if (values.k !== undefined) config.k = wholeNumber('--k', values.k, 1);
  const options: CliOptions = {
    live: values.live ?? false,
    only,
    genres: values.genres === undefined ? null : oneOf('--genres', values.genres, ['spotify', 'musicbrainz'] as const),
    dataDir: values.data ?? 'data',
    outDir: values.out ?? null,
    cacheDir: values.cache ?? '.cache',
    timings: values.timings ?? false,
    fresh: values.fresh ?? false,
    config,
  };
  if ((options.only.length || options.genres) && !options.live) throw new UsageError('--only and --genres go with --live');
  return options;
}

async function main(): Promise<number> {
  const options = parseOrExplain('pipeline', () => parsePipelineOptions(process.argv.slice(2)));
  if (!options) return USAGE_EXIT_CODE;
  const log = (line: string) => console.log(line);
  const failures: { imdbId: string; reason: string }[] = [];
  console.log(`Soundtrack Arcs pipeline${options.live ? ' (live)' : ''}: ${resolve(options.dataDir)}`);
  let timings: StageTiming[] = [];
  try {
    if (options.live) {
      const { refreshLive } = await import('../snapshot/live.ts');
      failures.push(...(await refreshLive(options, log)));
    }
    const outDir = options.outDir ?? dataPaths(options.dataDir).generated;
    const key = analysisKey(options.dataDir, options.config, codeVersion(process.cwd()));
    if (!options.live && !options.timings && !options.fresh && storyIsCurrent(outDir, key)) {
      console.log(`  analysis unchanged (same data, settings and code as ${join(outDir, 'story.json')}): reused; --fresh runs it again`);
      // The data's problems are still there: say them again.
      for (const line of formatWarnings(storedWarnings(outDir))) console.log(line);
      return 0;
    }
    timings = runPipeline({ dataDir: options.dataDir, outDir, config: options.config, log, key }).timings;
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
