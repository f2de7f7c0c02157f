/**
 * The pipeline's inputs: every file under a data folder (data/ by default), read and
 * validated at the boundary, so a bad file is named with its record and field before
 * any stage runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../lib/errors.ts';
import { listFiles } from '../lib/files.ts';
import { parseJson } from '../lib/json.ts';
import { ArtistGenresSnapshot, GenreMoodMap, StudyResults, type Film } from '../schemas.ts';
import { parseFilms } from '../stages/films.ts';
import type { SnapshotFile } from '../stages/soundtracks.ts';

export interface PipelineInputs {
  films: Film[];
  snapshots: SnapshotFile[];
  artistGenres: ArtistGenresSnapshot;
  moodMap: GenreMoodMap;
  /** What the study published of its own run, for the comparison. */
  studyResults: StudyResults;
}

export function dataPaths(dataDir: string) {
  return {
    films: join(dataDir, 'films.csv'),
    moodMap: join(dataDir, 'genre-mood-map.json'),
    soundtracks: join(dataDir, 'snapshot', 'soundtracks'),
    artistGenres: join(dataDir, 'snapshot', 'artist-genres.json'),
    studyResults: join(dataDir, 'reference', 'study-results.json'),
    generated: join(dataDir, 'generated'),
  };
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new DataError(file, null, null, 'is missing');
  return parseJson(readFileSync(file, 'utf8'), file);
}

export function validate<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };
  },
  value: unknown,
  file: string,
  recordOf: (path: (string | number)[]) => string | null = () => null,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new DataError(file, recordOf(issue.path), issue.path.join('.') || null, issue.message);
}

/** Reads and validates every input file under dataDir. */
export function readInputs(dataDir: string): PipelineInputs {
  const paths = dataPaths(dataDir);
  if (!existsSync(paths.films)) throw new DataError(paths.films, null, null, 'is missing');
  const films = parseFilms(readFileSync(paths.films, 'utf8'), paths.films);
  const moodMap = validate(GenreMoodMap, readJson(paths.moodMap), paths.moodMap, (p) => (p.length ? `genre "${p[0]}"` : null));
  const artistGenres = validate(ArtistGenresSnapshot, readJson(paths.artistGenres), paths.artistGenres, (p) =>
    p[0] === 'artists' && p[1] !== undefined ? `artist "${p[1]}"` : null,
  );
  const snapshots = listFiles(paths.soundtracks, '.json').map((name) => {
    const file = join(paths.soundtracks, name);
    return { file, text: readFileSync(file, 'utf8') };
  });
  // Optional: a catalogue of other films (the benchmark's, a fork's) has no study to compare with.
  const studyResults = !existsSync(paths.studyResults)
    ? NO_STUDY
    : validate(StudyResults, readJson(paths.studyResults), paths.studyResults, (p) =>
        p[0] === 'clusters' && p[1] !== undefined ? `archetype "${p[1]}"` : null,
      );
  return { films, snapshots, artistGenres, moodMap, studyResults };
}

const NO_STUDY: StudyResults = { about: 'no study results in this data folder', method: {}, clusters: {}, tracksWithFeatures: {} };
