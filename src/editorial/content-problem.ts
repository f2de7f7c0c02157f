/**
 * One mistake the essay check found, as the editor reads it: the file, the line and
 * column in their own file, what is wrong and how to fix it. Shared by every part of the
 * check, the build, `npm run dev` and its pages.
 */
import { relative, sep } from 'node:path';

export interface ContentProblem {
  /** As the editor would type it: relative to the working directory, with forward slashes. */
  file: string;
  /** 0 for a file or folder that is not there (a missing essay, an archetype without one). */
  line: number;
  column: number;
  message: string;
  fix: string;
}

export interface Position {
  line: number;
  column: number;
}

export type Report = (at: Position, message: string, fix: string) => void;

export function displayPath(file: string): string {
  return relative(process.cwd(), file).split(sep).join('/');
}

/** The nearest candidate within a few edits, for "did you mean". */
export function closest(
  value: string,
  candidates: readonly string[],
  limit = Math.max(2, Math.floor(value.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(value, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}
