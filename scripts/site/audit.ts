/**
 * The site's budgets (`npm run audit`), measured on a fresh build.
 * - JavaScript: no page needs any; optional scripts at most 20 KB gzipped in all.
 * - HTML: the heaviest page at most 150 KB uncompressed.
 * - Lighthouse 12.8 in Debian's Chromium: performance, accessibility, best practices
 *   and SEO on home, an archetype page and a film page (the target is 100 in each).
 * The site is built for the address it is served from, so canonical links are valid.
 */
import { buildSite } from './build.ts';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../lib/static-server.ts';

const OUT = join('.cache', 'dist-audit');
const JS_BUDGET = 20 * 1024;
const HTML_BUDGET = 150 * 1024;
const PAGES = ['', 'archetypes/bleak-and-restless/', 'films/slc-punk/'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export function scriptBudget(root: string): {
  pages: number;
  externalBytes: number;
  inlineBytes: number;
  gzipBytes: number;
  pagesNeedingJs: string[];
} {
  const all = files(root);
  const html = all.filter((f) => f.endsWith('.html'));
  const external = all.filter((f) => /\.m?js$/.test(f));
  const inline = new Set<string>();
  const pagesNeedingJs: string[] = [];
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)) inline.add(m[1]);
    // A page "needs" JavaScript if content is hidden until a script shows it.
    if (/<noscript/i.test(text)) pagesNeedingJs.push(relative(root, file));
  }
  const sources = [...external.map((f) => readFileSync(f, 'utf8')), ...inline];
  return {
    pages: html.length,
    externalBytes: external.reduce((s, f) => s + statSync(f).size, 0),
    inlineBytes: [...inline].reduce((s, t) => s + Buffer.byteLength(t), 0),
    gzipBytes: gzipSync(sources.join('\n')).length,
    pagesNeedingJs,
  };
}

async function lighthouseScores(url: string): Promise<Record<string, number>> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const categories = result?.lhr.categories ?? {};
    const failing = Object.values(result?.lhr.audits ?? {}).filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'notApplicable' &&
        a.scoreDisplayMode !== 'manual',
    );
    if (failing.length) console.log(`    below full marks: ${failing.map((a) => `${a.id} (${a.score})`).join(', ')}`);
    return Object.fromEntries(Object.entries(categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
  } finally {
    await chrome.kill();
  }
}

/** Builds the site into .cache/dist-audit/ and measures it; true when every budget is met. */
export async function auditSite({ withLighthouse }: { withLighthouse: boolean }): Promise<boolean> {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  console.log(`Building for ${site}/ into ${OUT} …`);
  // The build as npm run build makes it (the cards painted beside Astro), for this address.
  if ((await buildSite(OUT, { ...process.env, SITE_URL: site, BASE_PATH: '/' })) !== 0)
    throw new Error(`the site did not build into ${OUT}`);
  let ok = true;

  const js = scriptBudget(OUT);
  const jsOk = js.gzipBytes <= JS_BUDGET && js.pagesNeedingJs.length === 0;
  ok &&= jsOk;
  console.log(
    `\nJavaScript: ${js.externalBytes} B in files, ${js.inlineBytes} B inline (distinct), ${js.gzipBytes} B gzipped in all over ${js.pages} pages; budget ${JS_BUDGET} B gzipped; pages that need it: ${js.pagesNeedingJs.length || 'none'} ${jsOk ? '✓' : '✗'}`,
  );

  const html = files(OUT)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ f: relative(OUT, f), size: statSync(f).size }))
    .sort((a, b) => b.size - a.size);
  const htmlOk = html[0].size <= HTML_BUDGET;
  ok &&= htmlOk;
  console.log(
    `HTML: heaviest ${html[0].f} at ${(html[0].size / 1024).toFixed(1)} KB (budget 150 KB) ${htmlOk ? '✓' : '✗'}; next ${html
      .slice(1, 4)
      .map((h) => `${h.f} ${(h.size / 1024).toFixed(1)} KB`)
      .join(', ')}`,
  );

  if (withLighthouse) {
    // Every host this site targets compresses text; Lighthouse should download what readers do.
    for (const file of files(OUT).filter((f) => /\.(html|css|js|json|csv|svg|xml|md|txt)$/.test(f)))
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
    const server = await serveStatic(OUT, '/', port, true);
    console.log('\nLighthouse 12.8 (mobile, simulated throttling), Debian Chromium:');
    console.log('| page | performance | accessibility | best practices | SEO |\n| --- | --- | --- | --- | --- |');
    try {
      for (const path of PAGES) {
        const scores = await lighthouseScores(`${site}/${path}`);
        const row = ['performance', 'accessibility', 'best-practices', 'seo'].map((k) => scores[k]);
        ok &&= row.every((v) => v === 100);
        console.log(`| /${path} | ${row.join(' | ')} |`);
      }
    } finally {
      await server.close();
    }
  }
  console.log(ok ? '\nAll budgets met.' : '\nSome budgets are not met.');
  return ok;
}
