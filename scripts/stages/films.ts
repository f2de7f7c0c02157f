/** Data/films.csv → the list of films, validated row by row. */
import { parseCsv } from '../lib/csv.ts';
import { DataError } from '../lib/errors.ts';
import { slugify } from '../lib/text.ts';
import { Film, IMDB_ID_PATTERN } from '../schemas.ts';

export const FILM_COLUMNS = { title: 'Movie Title', year: 'Year', vibe: 'Vibe Keywords', imdbId: 'IMDb ID' } as const;

/** What each column holds, for the message that asks to replace a placeholder with it. */
const PLACEHOLDER_FIX: Record<keyof typeof FILM_COLUMNS, string> = {
  title: "the film's title: write the title as IMDb shows it (in double quotes if it holds a comma)",
  year: 'the year: write the year the film came out, like 1989',
  vibe: 'vibe keywords: write a few words that describe the film, in double quotes and separated by commas, like "gothic, superhero, noir"',
  imdbId: "the IMDb ID: write the tt… ID from the film's IMDb address, like tt0096895",
};

/**
 * A value left as a template gave it (the README's and `imdb import`'s suggested row
 * holds "<vibe keywords>"): it would be published as the film's words. A placeholder is a
 * whole value in angle brackets, or an ellipsis; vibe keywords are judged one by one.
 */
function placeholderIn(key: keyof typeof FILM_COLUMNS, value: string): string | undefined {
  const parts = key === 'vibe' ? value.split(',').map((k) => k.trim()) : [value];
  return parts.find((part) => /^<[^<>]*>$/.test(part) || /^(…|\.\.\.)$/.test(part));
}

export function parseFilms(csvText: string, file = 'data/films.csv'): Film[] {
  let table;
  try {
    table = parseCsv(csvText);
  } catch (error) {
    throw new DataError(file, null, null, (error as Error).message);
  }
  const columnIndex: Record<keyof typeof FILM_COLUMNS, number> = { title: -1, year: -1, vibe: -1, imdbId: -1 };
  for (const [key, column] of Object.entries(FILM_COLUMNS) as [keyof typeof FILM_COLUMNS, string][]) {
    columnIndex[key] = table.header.indexOf(column);
    if (columnIndex[key] < 0) {
      throw new DataError(
        file,
        'header (line 1)',
        column,
        `missing column; the header must name ${Object.values(FILM_COLUMNS)
          .map((c) => `"${c}"`)
          .join(', ')} (found ${table.header.map((h) => `"${h}"`).join(', ') || 'nothing'})`,
      );
    }
  }
  if (table.rows.length === 0) throw new DataError(file, null, null, 'lists no films');

  const films: Film[] = [];
  const seenIds = new Map<string, number>();
  const seenSlugs = new Set<string>();
  table.rows.forEach(({ line, cells }, order) => {
    const cell = (key: keyof typeof FILM_COLUMNS) => (cells[columnIndex[key]] ?? '').trim();
    const title = cell('title');
    const record = `line ${line}${title ? ` (${title})` : ''}`;
    if (cells.length !== table.header.length) {
      throw new DataError(
        file,
        record,
        null,
        `has ${cells.length} cells, the header has ${table.header.length} (a comma inside a value needs quotes)`,
      );
    }
    for (const key of Object.keys(FILM_COLUMNS) as (keyof typeof FILM_COLUMNS)[]) {
      const placeholder = placeholderIn(key, cell(key));
      if (placeholder)
        throw new DataError(file, record, FILM_COLUMNS[key], `"${placeholder}" is a placeholder, not ${PLACEHOLDER_FIX[key]}`);
    }
    const imdbId = cell('imdbId');
    if (!IMDB_ID_PATTERN.test(imdbId))
      throw new DataError(file, record, FILM_COLUMNS.imdbId, `"${imdbId}" is not an IMDb title ID like tt0133189`);
    const earlier = seenIds.get(imdbId);
    if (earlier !== undefined) throw new DataError(file, record, FILM_COLUMNS.imdbId, `${imdbId} is already used on line ${earlier}`);
    seenIds.set(imdbId, line);
    if (!title) throw new DataError(file, record, FILM_COLUMNS.title, 'is empty');
    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1880 || year > 2100) {
      throw new DataError(file, record, FILM_COLUMNS.year, `"${yearText}" is not a four-digit year between 1880 and 2100`);
    }
    let slug = slugify(title) || imdbId;
    if (seenSlugs.has(slug)) slug = `${slug}-${year}`;
    if (seenSlugs.has(slug)) slug = `${slug}-${imdbId}`;
    seenSlugs.add(slug);
    const vibeKeywords = cell('vibe')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    films.push(Film.parse({ imdbId, title, year, vibeKeywords, slug, order }));
  });
  return films;
}
