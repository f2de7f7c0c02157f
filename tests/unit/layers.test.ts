/**
 * The layers do not cross: stages never import sources or the pipeline, sources never
 * import stages or the pipeline (the caller passes what a source needs), shared code in
 * scripts/lib imports neither, the site reads the pipeline only through the story's
 * schemas, and nothing that ships imports test support.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file, as a path from the project root. */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((s) => relative(root, resolve(root, dirname(file), s)).split('\\').join('/'));
}

// What any layer may read from the top of scripts/: the story's contract and the method's settings.
const CONTRACT = new Set(['scripts/schemas.ts', 'scripts/config.ts']);
const topOfScripts = (path: string) => /^scripts\/[^/]+$/.test(path) && !CONTRACT.has(path);

const RULES: { layer: string; forbidden: (path: string) => boolean; what: string }[] = [
  { layer: 'scripts/stages/', what: 'sources or the pipeline', forbidden: (p) => p.startsWith('scripts/sources/') || topOfScripts(p) },
  { layer: 'scripts/sources/', what: 'stages or the pipeline', forbidden: (p) => p.startsWith('scripts/stages/') || topOfScripts(p) },
  { layer: 'scripts/lib/', what: 'stages, sources or the pipeline', forbidden: (p) => p.startsWith('scripts/stages/') || p.startsWith('scripts/sources/') || topOfScripts(p) },
  { layer: 'src/', what: 'pipeline module but the story schemas', forbidden: (p) => p.startsWith('scripts/') && p !== 'scripts/schemas.ts' },
];

// Crossings allowed while they are being removed; each must still exist, so the list only
// shrinks. None are left: a new crossing is fixed, not listed.
const KNOWN = new Set<string>();

describe('layers', () => {
  const shipped = [...files('scripts'), ...files('src')];

  it('finds the imports it checks', () => {
    expect(imports('scripts/stages/credits.ts')).toContain('scripts/lib/credit-parser.ts');
    expect(shipped.length).toBeGreaterThan(80);
  });

  for (const rule of RULES) {
    it(`${rule.layer} imports no ${rule.what}`, () => {
      const crossings = shipped
        .filter((f) => f.startsWith(rule.layer))
        .flatMap((f) => imports(f).filter(rule.forbidden).map((target) => `${f} -> ${target}`))
        .filter((c) => !KNOWN.has(c));
      expect(crossings).toEqual([]);
    });
  }

  it('lists only crossings that still exist', () => {
    const all = new Set(shipped.flatMap((f) => imports(f).map((target) => `${f} -> ${target}`)));
    expect([...KNOWN].filter((c) => !all.has(c))).toEqual([]);
  });

  it('ships nothing that imports test support', () => {
    expect(shipped.flatMap((f) => imports(f).filter((p) => p.startsWith('tests/')).map((p) => `${f} -> ${p}`))).toEqual([]);
  });
});
