/**
 * The floor the site build is measured against: a bare Astro site of as many pages, each
 * a title and a paragraph from one dynamic route, with no layout, charts or content
 * collections. What the real build costs above it is what the site's own pages cost.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function bareAstroSite(root: string, pages: number): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(root, 'src', 'pages', '[page].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i + 1) } }));
}
const { page } = Astro.params;
---
<html lang="en"><head><meta charset="utf-8" /><title>Page {page}</title></head>
<body><h1>Page {page}</h1><p>One of ${pages} bare pages.</p></body></html>
`,
  );
}
