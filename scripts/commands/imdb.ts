/**
 * `npm run --silent imdb -- parse <file.html>`: prints the page's soundtrack as JSON.
 * `npm run imdb -- fetch <id>...`: refreshes those films' snapshots from IMDb (live).
 * `npm run imdb -- import <saved-page.html>... [--data <dir>]`: turns soundtrack pages saved
 *   from a browser into snapshots, marked `source: "imdb-saved-page"`, for machines that
 *   cannot reach IMDb. The page's film must already be a row of films.csv.
 */
import { readFileSync } from 'node:fs';
import { parseCommandLine, parseOrExplain, UsageError, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { fetchSnapshots, importSavedPages, pageReport } from '../snapshot/imdb.ts';

const USAGE =
  'usage: npm run --silent imdb -- parse <file.html>\n       npm run imdb -- fetch <imdbId>...\n       npm run imdb -- import <saved-page.html>... [--data <dir>]';

const NEEDS = { parse: 'exactly one saved page', fetch: 'at least one IMDb ID', import: 'at least one saved page' };

type ImdbCommand =
  { command: 'parse'; file: string } | { command: 'fetch'; ids: string[] } | { command: 'import'; files: string[]; dataDir: string };

export function parseImdbCommand(argv: string[]): ImdbCommand {
  const { values, positionals } = parseCommandLine(argv, { data: { type: 'string' } }, { positionals: true });
  const [command, ...rest] = positionals;
  if (values.data !== undefined && command !== 'import') throw new UsageError('--data goes with import');
  if (command === 'parse' && rest.length === 1) return { command, file: rest[0] };
  if (command === 'fetch' && rest.length > 0) return { command, ids: rest };
  if (command === 'import' && rest.length > 0) return { command, files: rest, dataDir: values.data ?? 'data' };
  if (command !== undefined && Object.hasOwn(NEEDS, command))
    throw new UsageError(`${command} needs ${NEEDS[command as keyof typeof NEEDS]}`);
  throw new UsageError(command === undefined ? 'needs a command: parse, fetch or import' : `unknown command ${command}`);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseOrExplain('imdb', () => parseImdbCommand(argv), USAGE);
  if (!parsed) return USAGE_EXIT_CODE;
  if (parsed.command === 'parse') {
    let html: string;
    try {
      html = readFileSync(parsed.file, 'utf8');
    } catch (error) {
      console.error(`imdb parse: cannot read ${parsed.file}: ${(error as Error).message}`);
      return 1;
    }
    const { report, entries } = pageReport(html, parsed.file);
    console.log(JSON.stringify(report, null, 2));
    return entries ? 0 : 3;
  }
  if (parsed.command === 'fetch') {
    const failures = await fetchSnapshots(
      parsed.ids,
      { dataDir: 'data', cacheDir: process.env.SOUNDTRACK_ARCS_CACHE ?? '.cache' },
      console.log,
    );
    if (failures.length) {
      console.error(`${failures.length} of ${parsed.ids.length} failed; their previous snapshots were kept:`);
      for (const f of failures) console.error(`  - ${f.imdbId}: ${f.reason}`);
      return 1;
    }
    return 0;
  }
  return importSavedPages(parsed.files, parsed.dataDir);
}

runIfMain(import.meta.url, () => main(process.argv.slice(2)));
