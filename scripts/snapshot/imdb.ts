/**
 * Soundtrack snapshots from IMDb (`npm run imdb`): a saved page read, films fetched
 * live, or pages saved from a browser imported for machines that cannot reach IMDb.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPolicy, policyFromEnv } from '../lib/http.ts';
import { stableJson, writeFileAtomic } from '../lib/files.ts';
import { dataPaths, readInputs } from '../pipeline/inputs.ts';
import { IMDB_ID_SOURCE } from '../schemas.ts';
import { ImdbFetcher } from '../sources/imdb/fetch.ts';
import { parseSoundtrackPage } from '../sources/imdb/page.ts';
import { refreshSoundtracks, type RefreshFailure } from '../sources/imdb/refresh.ts';
import { listingToSoundtrack, parseReport } from '../sources/imdb/soundtrack.ts';
import { parseFilms } from '../stages/films.ts';
import { importOutlook, readGenreData, type GenreData } from './import-outlook.ts';

/** A saved page's soundtrack as the scraper reports it; the file name supplies the film when the page does not. */
export function pageReport(html: string, file: string): { report: ReturnType<typeof parseReport>; entries: number } {
  const listing = parseSoundtrackPage(html);
  const fallbackId = new RegExp(`(${IMDB_ID_SOURCE})`).exec(file)?.[1] ?? 'tt0000000';
  return { report: parseReport(listing, fallbackId), entries: listing.entries.length };
}

/** Refreshes these films' snapshots under dataDir from IMDb, keeping each failed film's previous one. */
export async function fetchSnapshots(
  ids: string[],
  { dataDir, cacheDir, env = process.env }: { dataDir: string; cacheDir: string; env?: NodeJS.ProcessEnv },
  log: (line: string) => void,
): Promise<RefreshFailure[]> {
  const inputs = readInputs(dataDir);
  const fetcher = new ImdbFetcher({
    cacheDir: join(cacheDir, 'imdb'),
    baseUrl: env.IMDB_BASE_URL,
    policy: policyFromEnv(defaultPolicy, env),
    log,
  });
  const { failures } = await refreshSoundtracks(ids, fetcher, {
    snapshotDir: dataPaths(dataDir).soundtracks,
    knownArtists: new Set(Object.keys(inputs.artistGenres.artists)),
    log,
  });
  return failures;
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
  let genres: GenreData;
  try {
    genres = readGenreData(paths.artistGenres, paths.moodMap);
  } catch (error) {
    console.error(`imdb import: ${(error as Error).message}`);
    return 1;
  }
  // Credits name artists the genre snapshot already knows better than the page can say.
  const knownArtists = new Set(Object.keys(genres.artistGenres.artists));
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
      failures.push(
        `${file}: ${listing.reason ?? 'lists no soundtrack entries'}; save the film's soundtrack page (imdb.com/title/tt…/soundtrack/) as "Web page, complete" or "HTML only"`,
      );
      continue;
    }
    if (!listing.imdbId) {
      failures.push(
        `${file}: the page does not say which film it is for (no IMDb title ID in it); save it again from the film's soundtrack page`,
      );
      continue;
    }
    const film = byId.get(listing.imdbId);
    if (!film) {
      const year = /<title>[^<]*?\((\d{4})\)/.exec(html)?.[1] ?? '<year>';
      const title = /[",]/.test(listing.title) ? `"${listing.title.replace(/"/g, '""')}"` : listing.title;
      failures.push(
        `${file} is the soundtrack page of ${listing.title} (${listing.imdbId}), which is not in ${paths.films}.\n` +
          `    Add its row to ${paths.films} first, then import again:\n      ${title},${year},"<vibe keywords>",${listing.imdbId}\n` +
          `    replacing <vibe keywords> with a few words that describe the film, separated by commas, inside the quotes${year === '<year>' ? ', and <year> with the year it came out' : ''}.`,
      );
      continue;
    }
    let soundtrack;
    try {
      soundtrack = listingToSoundtrack(listing, film.imdbId, { knownArtists }, 'imdb-saved-page');
    } catch (error) {
      const issue = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues?.[0];
      failures.push(
        `${file}: ${issue ? `entry ${issue.path.join('.')}: ${issue.message}` : (error as Error).message}; save the page again, or report the page if it looks right in a browser`,
      );
      continue;
    }
    const target = join(paths.soundtracks, `${film.imdbId}.json`);
    writeFileAtomic(target, stableJson(soundtrack, 2));
    const truncated = soundtrack.truncated
      ? ` (truncated: the page shows ${soundtrack.tracks.length} of ${soundtrack.total}; save it again after "See all")`
      : '';
    log(`  imported ${file} → ${target}: ${film.title}, ${soundtrack.tracks.length} entries${truncated}`);
    for (const line of importOutlook({ film, soundtrack, file: target }, genres)) log(line);
  }
  if (failures.length) {
    console.error(`imdb import: ${failures.length} of ${files.length} page${files.length === 1 ? '' : 's'} not imported:`);
    for (const f of failures) console.error(`  - ${f}`);
    return 1;
  }
  log(`Run "npm run build" (or "npm run pipeline") to use ${files.length === 1 ? 'it' : 'them'}.`);
  return 0;
}
