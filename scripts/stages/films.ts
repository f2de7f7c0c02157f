/** Stage 1: data/films.csv → the list of films, validated row by row. */
import { parseCsv } from '../lib/csv.ts';
import { DataError } from '../lib/errors.ts';
import { slugify } from '../lib/text.ts';
import { Film, IMDB_ID_PATTERN } from '../schemas.ts';

export const FILM_COLUMNS = { title: 'Movie Title', year: 'Year', vibe: 'Vibe Keywords', imdbId: 'IMDb ID' } as const;

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
      throw new DataError(file, 'header (line 1)', column, `missing column; the header must name ${Object.values(FILM_COLUMNS).map((c) => `"${c}"`).join(', ')} (found ${table.header.map((h) => `"${h}"`).join(', ') || 'nothing'})`);
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
      throw new DataError(file, record, null, `has ${cells.length} cells, the header has ${table.header.length} (a comma inside a value needs quotes)`);
    }
    const imdbId = cell('imdbId');
    if (!IMDB_ID_PATTERN.test(imdbId)) throw new DataError(file, record, FILM_COLUMNS.imdbId, `"${imdbId}" is not an IMDb title ID like tt0133189`);
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
