/**
 * Mistakes made as an editor would make them, in a copy of content/: the file keeps its
 * own frontmatter (so its anchor still binds) and gets a body written by the test, so the
 * expected line numbers come from the test's text, not from the current prose.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Placed {
  /** As the check prints it: relative to the working directory. */
  file: string;
  /** 1-based line and column of the first occurrence of `marker` in the written file. */
  at(marker: string): string;
}

export function copyContent(dir: string): string {
  cpSync('content', dir, { recursive: true });
  return dir;
}

function placed(file: string, text: string): Placed {
  return {
    file,
    at(marker) {
      const index = text.indexOf(marker);
      if (index < 0) throw new Error(`marker ${marker} is not in the text written to ${file}`);
      const before = text.slice(0, index).split('\n');
      return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
    },
  };
}

/** Replaces the body of content/<rel> in the copy, keeping its frontmatter. */
export function withBody(dir: string, rel: string, body: string): Placed {
  const path = join(dir, rel);
  const original = readFileSync(path, 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(original)![0];
  const text = `${frontmatter}\n${body}`;
  writeFileSync(path, text);
  return placed(path, text);
}

/** Rewrites the frontmatter of content/<rel> in the copy. */
export function withFrontmatter(dir: string, rel: string, edit: (frontmatter: string) => string): Placed {
  const path = join(dir, rel);
  const original = readFileSync(path, 'utf8');
  const text = original.replace(/^---\n[\s\S]*?\n---\n/, (fm) => edit(fm));
  writeFileSync(path, text);
  return placed(path, text);
}
