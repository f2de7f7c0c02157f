/**
 * `npm run --silent imdb -- parse <file.html>`: prints the page's soundtrack as JSON.
 * `npm run imdb -- fetch <id>...`: refreshes those films' snapshots from IMDb (live).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readInputs, dataPaths } from './run-pipeline.ts';
import { defaultPolicy, policyFromEnv } from './lib/http.ts';
import { ImdbFetcher } from './sources/imdb/fetch.ts';
import { parseSoundtrackPage } from './sources/imdb/page.ts';
import { refreshSoundtracks } from './sources/imdb/refresh.ts';
import { parseReport } from './sources/imdb/soundtrack.ts';

const USAGE = 'usage: npm run --silent imdb -- parse <file.html>\n       npm run imdb -- fetch <imdbId>...';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'parse' && rest.length === 1) {
    let html: string;
    try {
      html = readFileSync(rest[0], 'utf8');
    } catch (error) {
      console.error(`imdb parse: cannot read ${rest[0]}: ${(error as Error).message}`);
      return 1;
    }
    const listing = parseSoundtrackPage(html);
    const fallbackId = /(tt\d{7,9})/.exec(rest[0])?.[1] ?? 'tt0000000';
    console.log(JSON.stringify(parseReport(listing, fallbackId), null, 2));
    return listing.entries.length ? 0 : 3;
  }
  if (command === 'fetch' && rest.length > 0) {
    const dataDir = 'data';
    const inputs = readInputs(dataDir);
    const fetcher = new ImdbFetcher({ cacheDir: join(process.env.SOUNDTRACK_ARCS_CACHE ?? '.cache', 'imdb'), baseUrl: process.env.IMDB_BASE_URL, policy: policyFromEnv(defaultPolicy), log: console.log });
    const { failures } = await refreshSoundtracks(rest, fetcher, dataPaths(dataDir).soundtracks, new Set(Object.keys(inputs.artistGenres.artists)), console.log);
    if (failures.length) {
      console.error(`${failures.length} of ${rest.length} failed; their previous snapshots were kept:`);
      for (const f of failures) console.error(`  - ${f.imdbId}: ${f.reason}`);
      return 1;
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
