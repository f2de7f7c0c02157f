/**
 * Stage 2: the soundtrack snapshot files (IMDb scraper output, or curated in that
 * format) → one validated soundtrack per film. A film without a snapshot is kept with
 * an empty soundtrack and a warning, so one missing file never hides the other films.
 */
import { DataError } from '../lib/errors.ts';
import { IMDB_ID_SOURCE, Soundtrack, type Film, type FilmSoundtrack } from '../schemas.ts';

const SNAPSHOT_NAME = new RegExp(`(${IMDB_ID_SOURCE})\\.json$`);

export interface SnapshotFile {
  file: string;
  text: string;
}

export interface SoundtracksResult {
  soundtracks: FilmSoundtrack[];
  warnings: string[];
}

export function loadSoundtracks(films: Film[], files: SnapshotFile[]): SoundtracksResult {
  const warnings: string[] = [];
  const byId = new Map<string, { file: string; soundtrack: Soundtrack }>();
  for (const { file, text } of files) {
    const soundtrack = parseSnapshot(file, text);
    const expected = SNAPSHOT_NAME.exec(file)?.[1];
    if (expected && expected !== soundtrack.imdbId) {
      throw new DataError(file, null, 'imdbId', `is ${soundtrack.imdbId} but the file is named for ${expected}`);
    }
    byId.set(soundtrack.imdbId, { file, soundtrack });
  }
  const filmIds = new Set(films.map((f) => f.imdbId));
  for (const [imdbId, { file }] of byId) {
    if (!filmIds.has(imdbId)) warnings.push(`${file}: ${imdbId} is not in data/films.csv; ignored`);
  }
  const soundtracks = films.map((film): FilmSoundtrack => {
    const found = byId.get(film.imdbId);
    if (!found) {
      warnings.push(`${film.imdbId} (${film.title}): no soundtrack snapshot; the film is kept with no tracks (fetch it with: npm run imdb -- fetch ${film.imdbId})`);
      return {
        film,
        file: `data/snapshot/soundtracks/${film.imdbId}.json`,
        missing: true,
        soundtrack: { imdbId: film.imdbId, title: film.title, source: 'curated', total: 0, truncated: false, tracks: [] },
      };
    }
    if (found.soundtrack.truncated) warnings.push(`${found.file}: the listing is truncated (${found.soundtrack.tracks.length} of ${found.soundtrack.total} entries)`);
    return { film, file: found.file, soundtrack: found.soundtrack, missing: false };
  });
  return { soundtracks, warnings };
}

export function parseSnapshot(file: string, text: string): Soundtrack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, null, null, `is not valid JSON (${(error as Error).message})`);
  }
  const result = Soundtrack.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const [first, index, ...rest] = issue.path;
    let record: string | null = null;
    let field = issue.path.join('.') || null;
    if (first === 'tracks' && typeof index === 'number') {
      const track = (json as { tracks?: { position?: unknown; title?: unknown }[] }).tracks?.[index];
      record = `track ${index + 1}${track && typeof track.title === 'string' ? ` ("${track.title}")` : ''}`;
      field = rest.join('.') || 'track';
    }
    throw new DataError(file, record, field, issue.message);
  }
  const positions = result.data.tracks.map((t) => t.position);
  positions.forEach((position, i) => {
    if (position !== i + 1) {
      throw new DataError(file, `track ${i + 1} ("${result.data.tracks[i].title}")`, 'position', `is ${position}; positions must run 1, 2, 3… in page order`);
    }
  });
  return result.data;
}
