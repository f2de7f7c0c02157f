/**
 * Every page reachable from the home page, in Chromium, at "/" and under a subpath:
 * no console error, no failed request, no broken link, no serious or critical axe
 * violation (light and dark), nothing wider than a 360 px screen, and the same content
 * with JavaScript disabled.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { SUBPATH } from '../support/site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Visit {
  url: string;
  errors: string[];
  links: string[];
}

async function visit(page: Page, url: string): Promise<Visit> {
  const errors: string[] = [];
  page.removeAllListeners();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // A request cut short because the test moved on to the next page is not a failure of the site.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  // SVG links (the map's marks) hold their address as an SVGAnimatedString, resolved here like an HTML link's.
  const links = await page.$$eval('a[href]', (as) => as.map((a) => (a instanceof SVGAElement ? new URL(a.href.baseVal, document.baseURI).href : (a as HTMLAnchorElement).href)));
  return { url, errors, links };
}

/** Breadth-first over internal links, starting at the home page. */
async function crawl(site: StaticServer): Promise<{ pages: Visit[]; resources: string[] }> {
  const page = await browser.newPage();
  const seen = new Set<string>([site.url]);
  const queue = [site.url];
  const pages: Visit[] = [];
  const resources = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    const v = await visit(page, url);
    pages.push(v);
    for (const link of v.links) {
      const clean = link.split('#')[0];
      if (!clean.startsWith(site.url)) continue;
      if (/\.(csv|json|md|png|xml|txt|svg)$/.test(clean)) resources.add(clean);
      else if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    }
  }
  await page.close();
  return { pages, resources: [...resources] };
}

for (const base of ['/', SUBPATH]) {
  describe(`the site served at ${base}`, () => {
    let site: StaticServer;
    let result: Awaited<ReturnType<typeof crawl>>;
    beforeAll(async () => {
      const built = inject('testSite');
      site = await serveStatic(base === '/' ? built.root : built.subpath, base);
      result = await crawl(site);
    });
    afterAll(async () => {
      await site?.close();
    });

    it('reaches every page from home with no console error, failed request or broken link', () => {
      const paths = result.pages.map((p) => p.url.slice(site.url.length - 1));
      for (const expected of ['/', '/method/', '/data/', '/clusters/', '/films/', '/clusters/louder-and-bleaker/', '/films/slc-punk/', '/films/nowhere/']) {
        expect(paths).toContain(expected);
      }
      expect(paths.filter((p) => p.startsWith('/films/') && p !== '/films/')).toHaveLength(20);
      expect(paths.filter((p) => p.startsWith('/clusters/') && p !== '/clusters/')).toHaveLength(6);
      expect(result.pages.flatMap((p) => p.errors.map((e) => `${p.url}: ${e}`))).toEqual([]);
    });

    it('serves every linked download and file', async () => {
      expect(result.resources.some((r) => r.endsWith('/data/tracks.csv'))).toBe(true);
      for (const url of result.resources) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
      }
    });

    it('points canonical, Open Graph and the sitemap at the right place', async () => {
      const page = await browser.newPage();
      await page.goto(`${site.url}films/slc-punk/`);
      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      expect(canonical).toMatch(new RegExp(`${base.replace(/\//g, '\\/')}films\\/slc-punk\\/$`));
      const image = await page.getAttribute('meta[property="og:image"]', 'content');
      expect(image).toMatch(new RegExp(`${base.replace(/\//g, '\\/')}og\\.png$`));
      const png = await fetch(`${site.url}og.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect((await png.arrayBuffer()).byteLength).toBeGreaterThan(5000);
      const sitemap = await (await fetch(`${site.url}sitemap.xml`)).text();
      expect(sitemap.match(/<loc>/g)).toHaveLength(result.pages.length);
      await page.close();
    });

    it('answers an unknown address with the 404 page', async () => {
      const page = await browser.newPage();
      const response = await page.goto(`${site.url}no-such-page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/dead air/i);
      await page.close();
    });

    if (base === '/') {
      // At a phone's width and a desktop's: the map is drawn differently for each, and tables scroll only on the phone.
      it('has no serious or critical accessibility violation on any page, light or dark, at 360 and 1280 px', { timeout: 600_000 }, async () => {
        // The four combinations run side by side: each page waits on Chromium, not on this process.
        const combos = (['light', 'dark'] as const).flatMap((scheme) => [360, 1280].map((width) => ({ scheme, width })));
        const found = await Promise.all(
          combos.map(async ({ scheme, width }) => {
            const problems: string[] = [];
            const page = await browser.newPage({ colorScheme: scheme, viewport: { width, height: width < 600 ? 780 : 900 } });
            for (const { url } of result.pages) {
              await page.goto(url);
              await page.addScriptTag({ content: axeSource });
              const violations = await page.evaluate(async () => {
                const run = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
                return run.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
              });
              problems.push(...violations.map((v) => `${scheme} ${width}px ${url}: ${v}`));
            }
            await page.close();
            return problems;
          }),
        );
        const problems = found.flat();
        expect(problems).toEqual([]);
      });

      it('fits a 360 px screen: nothing overflows sideways', { timeout: 120_000 }, async () => {
        const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
        const wide: string[] = [];
        for (const { url } of result.pages) {
          await page.goto(url);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 360) wide.push(`${url}: ${width}px`);
        }
        expect(wide).toEqual([]);
        await page.close();
      });

      it('is complete with JavaScript disabled', { timeout: 120_000 }, async () => {
        const withJs = await browser.newPage();
        const context = await browser.newContext({ javaScriptEnabled: false });
        const withoutJs = await context.newPage();
        let filters = 0;
        for (const { url } of result.pages) {
          await withJs.goto(url);
          await withoutJs.goto(url);
          // The only things JavaScript adds are the filter boxes (genres on the method page,
          // films on the film index and the home page's list), hidden without it; everything else must be the same, to the character.
          const measure = (p: Page) =>
            p.evaluate(() => {
              const filter = document.querySelector<HTMLElement>('p.filter');
              const shown = filter ? !filter.hidden : null;
              filter?.remove();
              return { shown, charts: document.querySelectorAll('svg.chart').length, rows: document.querySelectorAll('tr').length, text: document.body.innerText };
            });
          const a = await measure(withJs);
          const b = await measure(withoutJs);
          if (a.shown !== null) {
            filters++;
            expect({ url, withJs: a.shown, withoutJs: b.shown }).toEqual({ url, withJs: true, withoutJs: false });
          }
          expect(b.charts, url).toBe(a.charts);
          expect(b.rows, url).toBe(a.rows);
          expect(b.text, url).toBe(a.text);
        }
        expect(filters).toBe(3);
        await context.close();
        await withJs.close();
      });
    }
  });
}
