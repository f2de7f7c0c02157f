/**
 * The soundtrack snapshot files (IMDb scraper output, or curated in that
 * format) → one validated soundtrack per film. A film without a snapshot is kept with
 * an empty soundtrack and a warning, so one missing file never hides the other films.
 */
import { dirname, join } from 'node:path';
import { DataError } from '../lib/errors.ts';
import { parseJson } from '../lib/json.ts';
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
  // Where the snapshots are, for naming the one that is missing (the default when there are none at all).
  const dir = files.length ? dirname(files[0].file) : 'data/snapshot/soundtracks';
  const soundtracks = films.map((film): FilmSoundtrack => {
    const found = byId.get(film.imdbId);
    if (!found) {
      const file = join(dir, `${film.imdbId}.json`);
      warnings.push(missingSnapshot(film, file));
      return {
        film,
        file,
        missing: true,
        soundtrack: { imdbId: film.imdbId, title: film.title, source: 'curated', total: 0, truncated: false, tracks: [] },
      };
    }
    if (found.soundtrack.truncated)
      warnings.push(`${found.file}: the listing is truncated (${found.soundtrack.tracks.length} of ${found.soundtrack.total} entries)`);
    return { film, file: found.file, soundtrack: found.soundtrack, missing: false };
  });
  return { soundtracks, warnings };
}

/** A film row without its snapshot: allowed (a film is added before it is fetched), but never silent, since a deleted file looks the same. */
function missingSnapshot(film: Film, file: string): string {
  return (
    `${file} is missing: ${film.title} (${film.imdbId}) in data/films.csv has no soundtrack snapshot, so it is kept with no songs, no arc and no archetype; ` +
    `fetch it with "npm run imdb -- fetch ${film.imdbId}", import a page saved from a browser with "npm run imdb -- import page.html", or restore a file deleted by mistake with "git checkout -- ${file}"`
  );
}

export function parseSnapshot(file: string, text: string): Soundtrack {
  const json = parseJson(text, file);
  const result = Soundtrack.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const [first, index, ...rest] = issue.path;
    let record: string | null = null;
    let field = issue.path.join('.') || null;
    if (first === 'tracks' && typeof index === 'number') {
      const track = (json as { tracks?: { position?: unknown; title?: unknown }[] }).tracks?.[index];
      const title = track && typeof track.title === 'string' && /[^\s\p{Cf}]/u.test(track.title) ? track.title : null;
      record = `track ${index + 1}${title ? ` ("${title}")` : ''}`;
      field = rest.join('.') || 'track';
    }
    throw new DataError(file, record, field, issue.message);
  }
  const positions = result.data.tracks.map((t) => t.position);
  positions.forEach((position, i) => {
    if (position !== i + 1) {
      throw new DataError(
        file,
        `track ${i + 1} ("${result.data.tracks[i].title}")`,
        'position',
        `is ${position}; positions must run 1, 2, 3… in page order`,
      );
    }
  });
  return result.data;
}
