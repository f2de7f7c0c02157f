import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bareAstroSite } from '../../../scripts/bench/bare-astro.ts';
import { astroBuild } from '../../../scripts/bench/benchmark.ts';

// Inside the project, as the bench puts it, so its page imports the project's Astro.
const root = resolve('.cache', 'test-bare-astro');
const out = mkdtempSync(join(tmpdir(), 'arcs-bare-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the bare Astro site the site build is set against', () => {
  it('builds as many pages as asked, each a title and a paragraph, and the bench counts them', () => {
    bareAstroSite(root, 3);
    const build = astroBuild(['--outDir', out], {}, root);
    expect(build.pages).toBe(3);
    for (const page of [1, 2, 3]) {
      const html = readFileSync(join(out, String(page), 'index.html'), 'utf8');
      expect(html).toContain(`<title>Page ${page}</title>`);
      expect(html).toContain('One of 3 bare pages.');
    }
    expect(existsSync(join(out, '4'))).toBe(false);
  });
});
