/**
 * The essay check's findings for `npm run dev`: pages ask for their own file's problems
 * and show them in place of the essay, so one broken essay never takes the rest of the
 * site down. Recomputed only when a file in content/ or the story changes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContent, defaultCheckOptions, displayPath, type ContentProblem } from './content-check.ts';

let cached: { signature: string; problems: ContentProblem[] } | null = null;

function signature(contentDir: string, storyPath: string): string {
  const parts: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) visit(path);
      else parts.push(`${path}:${statSync(path).mtimeMs}`);
    }
  };
  if (existsSync(contentDir)) visit(contentDir);
  parts.push(existsSync(storyPath) ? `${storyPath}:${statSync(storyPath).mtimeMs}` : 'no story');
  return parts.join('|');
}

export function allProblems(): ContentProblem[] {
  const options = defaultCheckOptions();
  const now = signature(options.contentDir, options.storyPath);
  if (cached?.signature !== now) cached = { signature: now, problems: checkContent(options) };
  return cached.problems;
}

/** Problems of one file (as Astro names it: a path relative to the project, or absolute). */
export function problemsFor(file: string | undefined): ContentProblem[] {
  if (!file) return [];
  const wanted = displayPath(resolve(file));
  return allProblems().filter((p) => p.file === wanted);
}
