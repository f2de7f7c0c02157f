/**
 * Declared dependencies match imports: every package the code imports is declared in
 * package.json (a package that arrives only as another's dependency can vanish or change
 * version under us), and every declared package is used, by an import or by name.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Declared, used, but never imported by name: each says where it is used instead.
const USED_WITHOUT_IMPORT: Record<string, string> = {
  tsx: 'loads TypeScript worker threads when the pipeline runs from source (scripts/lib/worker.ts), and the CLI in tests',
  '@types/node': "Node's types for tsc",
  '@types/d3-array': "d3-array's types for tsc",
  '@types/opentype.js': "opentype.js's types for tsc",
  '@types/js-yaml': "js-yaml's types for tsc",
  prettier: 'the formatter, run by npm test',
  eslint: 'the linter, run by npm test',
  'patch-package': "applies scripts/patches/ after every install (package.json's postinstall)",
};

const SKIP = new Set(['node_modules', 'dist', '.astro', '.cache', 'fixtures', 'generated']);

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|mts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** The code of a file an import can appear in: all of a module, an Astro file's frontmatter and scripts. */
function code(file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The package a bare specifier names ('@scope/name/sub' -> '@scope/name'), or null for a path or a built-in. */
export function packageOf(specifier: string): string | null {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || specifier.startsWith('astro:')) return null;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (builtinModules.includes(name)) return null;
  return name;
}

/** Every package a file's code names in an import, a require or a require.resolve. */
function packagesUsedBy(file: string): string[] {
  const text = code(file);
  const imported = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  // createRequire(…).resolve(name + '/file') and createRequire(…)(name): packages used for a path.
  const resolved = [...text.matchAll(/(?:\.resolve|\))\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...imported, ...resolved].map(packageOf).filter((name): name is string => name !== null);
}

describe('dependencies', () => {
  const sources = [...files('scripts'), ...files('src'), ...files('tests'), 'astro.config.mjs', 'vitest.config.ts', 'eslint.config.mjs'];
  const used = new Map<string, string>();
  for (const file of sources) for (const name of packagesUsedBy(file)) if (!used.has(name)) used.set(name, file);
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);

  it('reads the imports it checks', () => {
    expect(packageOf('@observablehq/plot')).toBe('@observablehq/plot');
    expect(packageOf('@fontsource/anton/files/a.woff2?url')).toBe('@fontsource/anton');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('./story.ts')).toBeNull();
    expect(used.get('astro')).toBeDefined();
    expect(used.get('axe-core')).toBeDefined();
  });

  it('declares every package the code imports', () => {
    const undeclared = [...used].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (imported by ${file})`);
    expect(undeclared).toEqual([]);
  });

  it('uses every package it declares', () => {
    const unused = [...declared].filter((name) => !used.has(name) && !(name in USED_WITHOUT_IMPORT));
    expect(unused).toEqual([]);
  });

  it('lists as used without an import only packages that are declared and not imported', () => {
    const stale = Object.keys(USED_WITHOUT_IMPORT).filter((name) => !declared.has(name) || used.has(name));
    expect(stale).toEqual([]);
  });
});
