/**
 * The invariant between the essay check and the build, judged edit by edit: whatever the
 * check passes, the build publishes without an error, without raw markup and without
 * ignoring a file; whatever it refuses, it reports with the file, the line and column and
 * a fix. The check runs in-process on one working copy of content/ (its per-file cache
 * makes an edit of one file cost one file); the build is the simulated one, held to real
 * builds by the mutation test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Story } from '../../scripts/schemas.ts';
import type { ContentProblem } from '../../src/editorial/content-check.ts';
import { simulateBuild } from './build-oracle.ts';
import type { Edit, Files } from './essay-mutations.ts';

export type Check = (options: { contentDir: string; storyPath: string }) => ContentProblem[];

export interface Verdict {
  edit: Edit;
  problems: ContentProblem[];
  /** Why the invariant is broken for this edit, or null. */
  broken: string | null;
}

export function readFiles(dir: string): Files {
  const files: Files = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

export function writeFiles(dir: string, files: Files): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

/** Rewrites only what differs from the files last written there: an edit touches one file or two. */
function updateFiles(dir: string, from: Files, to: Files): void {
  for (const name of from.keys()) if (!to.has(name)) rmSync(join(dir, name));
  for (const [name, bytes] of to) {
    if (from.get(name)?.equals(bytes)) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  // A folder an edit made and the next edit empties would be read as an empty folder of content/.
  for (const name of from.keys()) {
    const folder = dirname(join(dir, name));
    if (folder !== dir && existsSync(folder) && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  }
}

/**
 * Each edit applied alone to `original` in workDir, then judged. Asynchronous only to let
 * the test runner's messages through between edits: the work itself is synchronous.
 */
export async function judgeEdits(
  edits: Edit[],
  original: Files,
  workDir: string,
  storyPath: string,
  story: Story,
  check: Check,
): Promise<Verdict[]> {
  writeFiles(workDir, original);
  let current = original;
  const verdicts: Verdict[] = [];
  for (const edit of edits) {
    const next = edit.apply(original);
    updateFiles(workDir, current, next);
    current = next;
    const problems = check({ contentDir: workDir, storyPath });
    verdicts.push({ edit, problems, broken: problems.length ? malformed(problems) : builds(workDir, story) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return verdicts;
}

/** A refusal must say where (a line and column in a file that is there, or a file or folder that is missing) and how to fix it. */
function malformed(problems: ContentProblem[]): string | null {
  for (const p of problems) {
    const isFile = existsSync(resolve(p.file)) && statSync(resolve(p.file)).isFile();
    const located = p.line >= 1 && p.column >= 1 ? isFile : p.line === 0 && !isFile;
    if (!located || !p.fix.trim()) return `the check refused it, but without a place or a fix: ${JSON.stringify(p)}`;
  }
  return null;
}

function builds(workDir: string, story: Story): string | null {
  const build = simulateBuild(workDir, story);
  if (build.errors.length) return `the check passed it, and the build fails: ${build.errors[0].split('\n')[0]}`;
  if (build.ignored.length) return `the check passed it, and the build ignores ${build.ignored[0]}`;
  if (build.rawMarkup.length)
    return `the check passed it, and the build publishes raw markup: ${JSON.stringify(build.rawMarkup[0].text)} in ${build.rawMarkup[0].file}`;
  return null;
}

/** The essay page a content file becomes, in a built site. */
export function pageOf(file: string, story: Story): string | null {
  const [folder, name] = file.split('/');
  const base = name?.replace(/\.mdx$/, '');
  if (folder === 'essay') return base === 'home' ? 'index.html' : `${base}/index.html`;
  if (folder === 'archetypes') return `archetypes/${base}/index.html`;
  if (folder === 'films') {
    const film = story.films.find((f) => f.imdbId === base);
    return film ? `films/${film.slug}/index.html` : null;
  }
  return null;
}
