/**
 * The essay check as `npm run dev` asks it: per file, recomputed only when content/ or the
 * story changes. Run on a small content folder and story path of the test's own
 * (CONTENT_DIR and STORY_PATH), so the real content and data are never read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { allProblems, problemsFor } from '../../../src/editorial/dev-problems.ts';

let root: string;
let content: string;
let story: string;
let stray: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'arcs-dev-problems-'));
  content = join(root, 'content');
  story = join(root, 'story.json');
  stray = join(content, 'notes.txt');
  mkdirSync(content);
  writeFileSync(stray, 'a file the site would ignore\n');
  vi.stubEnv('CONTENT_DIR', content);
  vi.stubEnv('STORY_PATH', story);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

const messages = (file: string) => problemsFor(file).map((p) => p.message);

describe('problems in npm run dev', () => {
  it('gives each file only its own problems, found by the path Astro names it by', () => {
    expect(messages(story)).toEqual(['the data the essays refer to has not been computed yet']);
    const forStray = problemsFor(stray);
    expect(forStray).toHaveLength(1);
    expect(forStray[0]).toMatchObject({ line: 1, column: 1, file: relative(process.cwd(), stray).split('\\').join('/') });
    expect(forStray[0].message).toMatch(/this one would be ignored$/);
    // Astro may name the file relative to the project: the same problems.
    expect(problemsFor(relative(process.cwd(), stray))).toEqual(forStray);
    expect(problemsFor(join(content, 'essay', 'home.mdx')).length).toBeGreaterThan(0);
  });

  it('has nothing for a page without a file, or a file without problems', () => {
    expect(problemsFor(undefined)).toEqual([]);
    expect(problemsFor('')).toEqual([]);
    expect(problemsFor(join(root, 'elsewhere.mdx'))).toEqual([]);
  });

  it('checks again only when a file in content/ or the story changes', () => {
    const first = allProblems();
    expect(allProblems()).toBe(first);

    writeFileSync(story, '{ not json');
    const afterStory = allProblems();
    expect(afterStory).not.toBe(first);
    expect(messages(story)).toEqual([expect.stringMatching(/^cannot be read: /)]);
    expect(allProblems()).toBe(afterStory);

    rmSync(stray);
    const afterContent = allProblems();
    expect(afterContent).not.toBe(afterStory);
    expect(problemsFor(stray)).toEqual([]);
  });
});
