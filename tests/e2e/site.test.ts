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
import { FORMER_ADDRESSES } from '../../src/publish/former-addresses.ts';
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
  /** The page's meta description and Open Graph description, read while it is open. */
  description: string | null;
  ogDescription: string | null;
}

async function visit(page: Page, url: string): Promise<Visit> {
  const errors: string[] = [];
  page.removeAllListeners();
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // A request cut short because the test moved on to the next page is not a failure of the site.
  page.on(
    'requestfailed',
    (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`),
  );
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  // SVG links (the map's marks) hold their address as an SVGAnimatedString, resolved here like an HTML link's.
  const links = await page.$$eval('a[href]', (as) =>
    as.map((a) => (a instanceof SVGAElement ? new URL(a.href.baseVal, document.baseURI).href : (a as HTMLAnchorElement).href)),
  );
  const [description, ogDescription] = await page.evaluate(() =>
    ['meta[name="description"]', 'meta[property="og:description"]'].map((s) => document.querySelector(s)?.getAttribute('content') ?? null),
  );
  return { url, errors, links, description, ogDescription };
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

interface Rendered {
  shown: boolean | null;
  charts: number;
  rows: number;
  text: string;
}
interface Sweep {
  pages: { url: string; violations: string[]; widthAt360: number; withJs: Rendered; withoutJs: Rendered }[];
}

/** What a page shows once its filter box (the one thing JavaScript adds) is taken out. */
const rendered = (p: Page): Promise<Rendered> =>
  p.evaluate(() => {
    const filter = document.querySelector<HTMLElement>('p.filter');
    const shown = filter ? !filter.hidden : null;
    filter?.remove();
    return {
      shown,
      charts: document.querySelectorAll('svg.chart').length,
      rows: document.querySelectorAll('tr').length,
      text: document.body.innerText,
    };
  });

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/**
 * The paper's grain (global.css: two dot fields at 5% and 7% of the ink colour) is a
 * background gradient, behind which axe cannot work out a colour: with it, axe left the
 * contrast of every paragraph "incomplete" and reported nothing, even for text made
 * nearly invisible. Without it the page is plain paper, which the grain changes by at
 * most 7% at a dot, and axe measures every text on it.
 */
const NO_GRAIN = 'body { background-image: none !important; }';

/** Runs axe (loaded into every page by the init script of sweepPages' contexts) on the page as it is shown now. */
async function axeViolations(page: Page, label: string, runOnly: readonly string[] | null): Promise<string[]> {
  const found = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const run = await axe.run(
      only ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: only } } : { resultTypes: ['violations'] },
    );
    return run.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  }, runOnly);
  return found.map((v) => `${label}: ${v}`);
}

async function sweepPages(urls: string[]): Promise<Sweep> {
  const viewport = (width: number) => ({ width, height: width < 600 ? 780 : 900 });
  const withoutJavaScript = async (): Promise<Rendered[]> => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: viewport(1280) });
    const page = await context.newPage();
    const out: Rendered[] = [];
    for (const url of urls) {
      await page.goto(url);
      out.push(await rendered(page));
    }
    await context.close();
    return out;
  };
  // Each page is loaded once per width and checked light, then dark: the switch is the
  // browser's colour-scheme emulation, which restyles the page as a fresh dark load would,
  // since only CSS reads the scheme. axe comes in through an init script, compiled as the
  // page loads, where injecting its 550 kB into each loaded page cost about 0.3 s a page.
  const atWidth = async (width: number) => {
    const context = await browser.newContext({ viewport: viewport(width) });
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    const out: { violations: string[]; width: number; withJs: Rendered | null }[] = [];
    for (const url of urls) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.addStyleTag({ content: NO_GRAIN });
      const violations = await axeViolations(page, `light ${width}px ${url}`, null);
      await page.emulateMedia({ colorScheme: 'dark' });
      violations.push(...(await axeViolations(page, `dark ${width}px ${url}`, COLOUR_RULES)));
      const withJs = width === 1280 ? await rendered(page) : null;
      out.push({ violations, width: pageWidth, withJs });
    }
    await context.close();
    return out;
  };
  const [withoutJs, at360, at1280] = await Promise.all([withoutJavaScript(), atWidth(360), atWidth(1280)]);
  return {
    pages: urls.map((url, i) => ({
      url,
      violations: [...at360[i].violations, ...at1280[i].violations],
      widthAt360: at360[i].width,
      withJs: at1280[i].withJs!,
      withoutJs: withoutJs[i],
    })),
  };
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
      for (const expected of [
        '/',
        '/method/',
        '/data/',
        '/archetypes/',
        '/films/',
        '/archetypes/bleak-and-restless/',
        '/films/slc-punk/',
        '/films/nowhere/',
      ]) {
        expect(paths).toContain(expected);
      }
      expect(paths.filter((p) => p.startsWith('/films/') && p !== '/films/')).toHaveLength(20);
      expect(paths.filter((p) => p.startsWith('/archetypes/') && p !== '/archetypes/')).toHaveLength(6);
      expect(result.pages.flatMap((p) => p.errors.map((e) => `${p.url}: ${e}`))).toEqual([]);
      expect(
        result.pages.flatMap((p) => p.links.filter((l) => l.startsWith(`${site.url}clusters/`)).map((l) => `${p.url} links ${l}`)),
      ).toEqual([]);
    });

    it('sends every former address (under /clusters/, or a group’s former name) to the page that replaced it, without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const crawled = result.pages.map((p) => p.url);
      for (const [from, to] of Object.entries(FORMER_ADDRESSES)) {
        await page.goto(`${site.url}${from}`);
        await page.waitForURL(`${site.url}${to}`);
        expect(crawled, from).toContain(`${site.url}${to}`);
        expect(await page.title(), from).not.toMatch(/redirect/i);
      }
      await context.close();
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
      // A film page shares its own card; every other page the site's.
      const image = await page.getAttribute('meta[property="og:image"]', 'content');
      expect(image).toMatch(new RegExp(`^https?://[^/]+${base.replace(/\//g, '\\/')}films\\/slc-punk\\/card\\.png$`));
      for (const card of ['films/slc-punk/card.png', 'og.png']) {
        const png = await fetch(`${site.url}${card}`);
        expect(png.headers.get('content-type'), card).toBe('image/png');
        const bytes = Buffer.from(await png.arrayBuffer());
        // PNG's header: width and height at bytes 16 and 20.
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], card).toEqual([1200, 630]);
        expect(bytes.byteLength, card).toBeGreaterThan(5000);
      }
      await page.goto(`${site.url}method/`);
      expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(new RegExp(`${base.replace(/\//g, '\\/')}og\\.png$`));
      const sitemap = await (await fetch(`${site.url}sitemap.xml`)).text();
      expect(sitemap.match(/<loc>/g)).toHaveLength(result.pages.length);
      expect(sitemap).not.toContain('/clusters/');
      expect(sitemap).toContain(`${base}archetypes/bleak-and-restless/</loc>`);
      await page.close();
    });

    it('answers an unknown address with the 404 page, kept out of search and claiming no address', async () => {
      const page = await browser.newPage();
      const response = await page.goto(`${site.url}no-such-page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/dead air/i);
      expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
      expect(await page.locator('link[rel="canonical"], meta[property="og:url"]').count()).toBe(0);
      await page.close();
    });

    it('describes each film page from its own data, saying nothing of archetypes', () => {
      const descriptions = new Map<string, string>();
      for (const film of result.pages.filter((p) => /\/films\/[^/]+\/$/.test(p.url))) {
        const description = film.description ?? '';
        expect(description, film.url).not.toMatch(/archetype/i);
        expect(film.ogDescription, film.url).toBe(description);
        descriptions.set(film.url, description);
      }
      expect(descriptions.size).toBe(20);
      expect(new Set(descriptions.values()).size).toBe(20);
      expect(descriptions.get(`${site.url}films/slc-punk/`)).toMatch(
        /^SLC Punk \(1998\): 42 songs on its soundtrack, \d+ with a known performer/,
      );
    });

    if (base === '/') {
      // One sweep over every page serves the three checks below, so each page is loaded once
      // per width rather than once per check. The two widths run side by side: a phone's and a
      // desktop's get every axe rule in the light scheme, since the map is drawn differently
      // for each and tables scroll only on the phone; dark gets the colour rules only, because
      // the dark scheme changes nothing but colours (global.css's prefers-color-scheme block
      // sets colours and nothing else).
      let sweep: Sweep;
      beforeAll(async () => {
        sweep = await sweepPages(result.pages.map((p) => p.url));
      });

      it('has no serious or critical accessibility violation on any page, light or dark, at 360 and 1280 px', () => {
        expect(sweep.pages.length).toBe(result.pages.length);
        expect(sweep.pages.flatMap((p) => p.violations)).toEqual([]);
      });

      it('fits a 360 px screen: nothing overflows sideways', () => {
        expect(sweep.pages.every((p) => p.widthAt360 > 0)).toBe(true);
        expect(sweep.pages.filter((p) => p.widthAt360 > 360).map((p) => `${p.url}: ${p.widthAt360}px`)).toEqual([]);
      });

      it('is complete with JavaScript disabled', () => {
        let filters = 0;
        for (const { url, withJs: a, withoutJs: b } of sweep.pages) {
          // The only things JavaScript adds are the filter boxes (genres on the data page, films
          // on the film index), hidden without it; everything else must be the same, to the character.
          if (a.shown !== null) {
            filters++;
            expect({ url, withJs: a.shown, withoutJs: b.shown }).toEqual({ url, withJs: true, withoutJs: false });
          }
          expect(b.charts, url).toBe(a.charts);
          expect(b.rows, url).toBe(a.rows);
          expect(b.text, url).toBe(a.text);
        }
        expect(filters).toBe(2);
      });
    }
  });
}
