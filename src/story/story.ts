/** The pipeline's story, read once at build time and validated with the pipeline's own schema. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Story, type StoryFilm, type StoryTrack } from '../../scripts/schemas.ts';
import { filmOf } from './lookup.ts';

let cached: Story | null = null;

/** STORY_PATH lets the benchmark build the site from a synthetic catalogue. */
export function storyPath(): string {
  return process.env.STORY_PATH ?? join(process.cwd(), 'data', 'generated', 'story.json');
}

export function getStory(): Story {
  cached ??= readStory(storyPath());
  return cached;
}

/** The story at `path`, validated, or an error that says how to make it. */
export function readStory(path: string): Story {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run "npm run pipeline" (or "npm run build", which runs it first).`);
  }
  const parsed = Story.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path} does not match the story schema at ${issue.path.join('.')}: ${issue.message}. Run "npm run pipeline" again.`);
  }
  return parsed.data;
}

export function filmById(imdbId: string): StoryFilm | undefined {
  return filmOf(getStory(), imdbId);
}

export function trackOf(imdbId: string, position: number): { film: StoryFilm; track: StoryTrack } | undefined {
  const film = filmById(imdbId);
  const track = film?.tracks.find((t) => t.position === position);
  return film && track ? { film, track } : undefined;
}
