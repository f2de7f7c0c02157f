import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scriptBudget } from '../../../scripts/site/audit.ts';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'arcs-audit-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const toggle = 'document.documentElement.classList.add("js")';
const page = (body: string) => `<!doctype html><html><head><script>${toggle}</script></head><body>${body}</body></html>`;

describe('scriptBudget', () => {
  it('counts script files, and each distinct inline script once however many pages repeat it', () => {
    write('index.html', page('<p>home</p>'));
    write('films/slc-punk/index.html', page('<p>film</p><script type="module">import "/_astro/x.js"</script>'));
    write('_astro/x.js', 'export const x = 1;');
    write('_astro/y.mjs', 'export {};');
    write('_astro/style.css', 'body{}');
    const budget = scriptBudget(root);
    expect(budget.pages).toBe(2);
    expect(budget.externalBytes).toBe('export const x = 1;'.length + 'export {};'.length);
    expect(budget.inlineBytes).toBe(Buffer.byteLength(toggle) + Buffer.byteLength('import "/_astro/x.js"'));
    expect(budget.gzipBytes).toBe(gzipSync(['export const x = 1;', 'export {};', toggle, 'import "/_astro/x.js"'].join('\n')).length);
    expect(budget.pagesNeedingJs).toEqual([]);
  });
  it('does not count structured data or JSON as script', () => {
    write('index.html', '<script type="application/ld+json">{"@type":"Dataset"}</script><script type="application/json">{"a":1}</script>');
    expect(scriptBudget(root)).toMatchObject({ pages: 1, externalBytes: 0, inlineBytes: 0 });
  });
  it('names the pages whose content waits for a script (they carry a <noscript>), by their path in the site', () => {
    write('index.html', page('<p>home</p>'));
    write('archetypes/bleak/index.html', page('<NOSCRIPT>Turn on JavaScript</NOSCRIPT>'));
    expect(scriptBudget(root).pagesNeedingJs).toEqual([join('archetypes', 'bleak', 'index.html')]);
  });
  it('counts multibyte text in bytes, not characters', () => {
    write('index.html', '<script>const t = "“é”";</script>');
    expect(scriptBudget(root).inlineBytes).toBe(Buffer.byteLength('const t = "“é”";'));
    expect(scriptBudget(root).inlineBytes).toBeGreaterThan('const t = "“é”";'.length);
  });
});
