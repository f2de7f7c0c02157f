/**
 * Reading the story: from STORY_PATH or data/generated/, validated with the pipeline's
 * schema, once. The story read here is made by the pipeline (quick settings) into a
 * folder of the test's own, so the test needs no earlier `npm run pipeline`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../scripts/pipeline/run.ts';
import type { Story } from '../../../scripts/schemas.ts';
import { quickConfig } from '../../support/quick-config.ts';

let dir: string;
let story: Story;
let storyFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arcs-story-'));
  story = runPipeline({ dataDir: 'data', outDir: join(dir, 'generated'), config: quickConfig }).story;
  storyFile = join(dir, 'generated', 'story.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** The module afresh, with nothing read yet. */
async function load(path?: string) {
  if (path !== undefined) vi.stubEnv('STORY_PATH', path);
  vi.resetModules();
  return import('../../../src/story/story.ts');
}

describe('where the story is read from', () => {
  it('is data/generated/story.json under the working directory, unless STORY_PATH names another file', async () => {
    vi.stubEnv('STORY_PATH', undefined);
    const { storyPath } = await load();
    expect(storyPath()).toBe(join(process.cwd(), 'data', 'generated', 'story.json'));
    vi.stubEnv('STORY_PATH', '/somewhere/synthetic.json');
    expect(storyPath()).toBe('/somewhere/synthetic.json');
  });
});

describe('getStory', () => {
  it('reads and validates the story the pipeline wrote', async () => {
    const { getStory } = await load(storyFile);
    const read = getStory();
    expect(read.films.map((f) => f.imdbId)).toEqual(story.films.map((f) => f.imdbId));
    expect(read.analysis.k).toBe(story.analysis.k);
  });

  it('reads it once: later calls get the same story even if the file goes', async () => {
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, JSON.stringify(story));
    const { getStory } = await load(copy);
    const first = getStory();
    rmSync(copy);
    expect(getStory()).toBe(first);
  });

  it('says which file is missing and the command that makes it', async () => {
    const missing = join(dir, 'nothing-here.json');
    const { getStory } = await load(missing);
    expect(() => getStory()).toThrow(`${missing} is missing: run "npm run pipeline" (or "npm run build", which runs it first).`);
  });

  it('names the first field that does not match the schema, and does not keep the bad story', async () => {
    const stale = join(dir, 'stale.json');
    const broken = structuredClone(story) as unknown as { films: { title: unknown }[] };
    broken.films[1].title = 42;
    writeFileSync(stale, JSON.stringify(broken));
    const { getStory } = await load(stale);
    expect(() => getStory()).toThrow(
      `${stale} does not match the story schema at films.1.title: Expected string, received number. Run "npm run pipeline" again.`,
    );
    // Fixed on disk, the next call reads it.
    writeFileSync(stale, JSON.stringify(story));
    expect(getStory().films[1].title).toBe(story.films[1].title);
  });
});

describe('filmById and trackOf', () => {
  it('find a film, and one of its songs by position', async () => {
    const { filmById, trackOf } = await load(storyFile);
    const film = story.films.find((f) => f.tracks.length >= 2)!;
    expect(filmById(film.imdbId)?.title).toBe(film.title);
    const second = film.tracks[1];
    const found = trackOf(film.imdbId, second.position);
    expect(found?.film.imdbId).toBe(film.imdbId);
    expect(found?.track.title).toBe(second.title);
  });

  it('find nothing for an unknown film or a position its listing does not have', async () => {
    const { filmById, trackOf } = await load(storyFile);
    const film = story.films[0];
    expect(filmById('tt0000001')).toBeUndefined();
    expect(trackOf('tt0000001', 1)).toBeUndefined();
    expect(trackOf(film.imdbId, Math.max(0, ...film.tracks.map((t) => t.position)) + 1)).toBeUndefined();
  });
});
