/**
 * The components MDX pages get. The module imports .astro files, which only Astro's
 * compiler loads, so it is read here as text: what it imports and what it provides. The
 * type checker holds the provided names to the registry; this holds each name to the
 * component file of the same name, which the types cannot see.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { COMPONENT_NAMES } from '../../../src/editorial/component-registry.ts';

const file = join(import.meta.dirname, '../../../src/editorial/mdx-components.ts');
const source = readFileSync(file, 'utf8');

/** Each default import of a component: the name it is bound to, and the file. */
const imports = [...source.matchAll(/^import (\w+) from '([^']+\.astro)';$/gm)].map(([, name, path]) => ({ name, path }));
/** The names in the `provided` object, in order. */
const provided = (source.match(/const provided = \{([^}]*)\}/)?.[1] ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

describe('the components MDX pages get', () => {
  it('provides every component the registry describes, and nothing else', () => {
    expect(provided.length).toBeGreaterThan(0);
    expect([...provided].sort()).toEqual(COMPONENT_NAMES);
    expect(new Set(provided).size).toBe(provided.length);
  });

  it('provides each name as itself, not under another name', () => {
    // `{ FilmArc: FilmMap }` would pass the type check and draw the wrong thing.
    for (const entry of provided) expect(entry).toMatch(/^\w+$/);
  });

  it('binds each name to the component file of the same name, and that file exists', () => {
    expect(imports.map((i) => i.name).sort()).toEqual([...provided].sort());
    for (const { name, path } of imports) {
      expect(basename(path), name).toBe(`${name}.astro`);
      expect(existsSync(join(dirname(file), path)), path).toBe(true);
    }
  });
});
