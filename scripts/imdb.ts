/**
 * `npm run --silent imdb -- parse <file.html>`: prints the page's soundtrack as JSON.
 * `npm run imdb -- fetch <id>...`: refreshes those films' snapshots from IMDb (live).
 * `npm run imdb -- import <saved-page.html>... [--data <dir>]`: turns soundtrack pages saved
 *   from a browser into snapshots, marked `source: "imdb-saved-page"`, for machines that
 *   cannot reach IMDb. The page's film must already be a row of films.csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readInputs, dataPaths } from './run-pipeline.ts';
import { writeFileAtomic, stableJson } from './lib/files.ts';
import { parseFilms } from './stages/films.ts';
import { ArtistGenresSnapshot, IMDB_ID_SOURCE } from './schemas.ts';
import { defaultPolicy, policyFromEnv } from './lib/http.ts';
import { ImdbFetcher } from './sources/imdb/fetch.ts';
import { parseSoundtrackPage } from './sources/imdb/page.ts';
import { refreshSoundtracks } from './sources/imdb/refresh.ts';
import { listingToSoundtrack, parseReport } from './sources/imdb/soundtrack.ts';
import { runIfMain } from './lib/main.ts';

const USAGE = 'usage: npm run --silent imdb -- parse <file.html>\n       npm run imdb -- fetch <imdbId>...\n       npm run imdb -- import <saved-page.html>... [--data <dir>]';

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
    const fallbackId = new RegExp(`(${IMDB_ID_SOURCE})`).exec(rest[0])?.[1] ?? 'tt0000000';
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
  if (command === 'import') {
    const at = rest.indexOf('--data');
    const dataDir = at >= 0 ? rest[at + 1] : 'data';
    const files = rest.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
    if (files.length && dataDir) return importSavedPages(files, dataDir);
  }
  console.error(USAGE);
  return 2;
}

/** Each page on its own: a page that fails is reported and the others are still imported. */
export function importSavedPages(files: string[], dataDir: string, log: (line: string) => void = console.log): number {
  const paths = dataPaths(dataDir);
  let films;
  try {
    films = parseFilms(readFileSync(paths.films, 'utf8'), paths.films);
  } catch (error) {
    console.error(`imdb import: ${(error as Error).message}`);
    return 1;
  }
  const byId = new Map(films.map((f) => [f.imdbId, f]));
  // Credits name artists the genre snapshot already knows better than the page can say.
  const knownArtists = existsSync(paths.artistGenres)
    ? new Set(Object.keys(ArtistGenresSnapshot.parse(JSON.parse(readFileSync(paths.artistGenres, 'utf8'))).artists))
    : new Set<string>();
  const failures: string[] = [];
  for (const file of files) {
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (error) {
      failures.push(`${file}: cannot be read (${(error as Error).message})`);
      continue;
    }
    const listing = parseSoundtrackPage(html);
    if (listing.entries.length === 0) {
      failures.push(`${file}: ${listing.reason ?? 'lists no soundtrack entries'}; save the film's soundtrack page (imdb.com/title/tt…/soundtrack/) as "Web page, complete" or "HTML only"`);
      continue;
    }
    if (!listing.imdbId) {
      failures.push(`${file}: the page does not say which film it is for (no IMDb title ID in it); save it again from the film's soundtrack page`);
      continue;
    }
    const film = byId.get(listing.imdbId);
    if (!film) {
      const year = /<title>[^<]*?\((\d{4})\)/.exec(html)?.[1] ?? '<year>';
      const title = /[",]/.test(listing.title) ? `"${listing.title.replace(/"/g, '""')}"` : listing.title;
      failures.push(
        `${file} is the soundtrack page of ${listing.title} (${listing.imdbId}), which is not in ${paths.films}.\n` +
          `    Add its row to ${paths.films} first, then import again:\n      ${title},${year},"<vibe keywords>",${listing.imdbId}`,
      );
      continue;
    }
    const soundtrack = listingToSoundtrack(listing, film.imdbId, { knownArtists }, 'imdb-saved-page');
    writeFileAtomic(join(paths.soundtracks, `${film.imdbId}.json`), stableJson(soundtrack, 2));
    const truncated = soundtrack.truncated ? ` (truncated: the page shows ${soundtrack.tracks.length} of ${soundtrack.total}; save it again after "See all")` : '';
    log(`  imported ${file} → ${join(paths.soundtracks, `${film.imdbId}.json`)}: ${film.title}, ${soundtrack.tracks.length} entries${truncated}`);
  }
  if (failures.length) {
    console.error(`imdb import: ${failures.length} of ${files.length} page${files.length === 1 ? '' : 's'} not imported:`);
    for (const f of failures) console.error(`  - ${f}`);
    return 1;
  }
  log(`Run "npm run build" (or "npm run pipeline") to use ${files.length === 1 ? 'it' : 'them'}.`);
  return 0;
}

runIfMain(import.meta.url, () => main(process.argv.slice(2)));
