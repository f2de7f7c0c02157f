/** The three page kinds in a real browser: each shows its chart SVG and logs no console error. */
import { describe, expect, it } from 'vitest';
import { sharedBuildInBrowser } from '../support/browser.ts';

const shared = sharedBuildInBrowser();

async function open(path: string) {
  const page = await shared.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed request ${r.url()} (${r.failure()?.errorText})`));
  const response = await page.goto(shared.site.url + path, { waitUntil: 'load' });
  return { page, errors, status: response?.status() };
}

/** Opens a page, runs the checks on it, and holds it to a 200 and a clean console. */
async function visit(path: string, check: (page: Awaited<ReturnType<typeof open>>['page']) => Promise<void>): Promise<void> {
  const { page, errors, status } = await open(path);
  expect(status).toBe(200);
  await check(page);
  expect(errors).toEqual([]);
  await page.close();
}

describe('pages in Chromium', () => {
  it('home shows the landscape map and the archetype cards', async () => {
    await visit('', async (page) => {
      expect(await page.locator('figure svg.chart[role="img"]').count()).toBeGreaterThanOrEqual(2);
      // Drawn twice, for wide screens and for phones; this page is wide, so the wide one shows.
      const maps = page.locator('figure.wide svg.chart[aria-label^="The landscape: each of the 17 films placed by"]');
      expect(await maps.count()).toBe(2);
      const map = page.locator('.chart-at-wide svg.chart');
      expect(await map.isVisible()).toBe(true);
      // Every dot is a link to its film.
      expect(await map.locator('a[href*="/films/"]').count()).toBe(17);
      // Every film of the map's table is labelled on the map, and nothing else is.
      const tabled = await page.locator('table:has(caption:text("Films on the map")) tbody th').allTextContents();
      expect(tabled).toHaveLength(17);
      // The three films with too few songs to trace are listed beside the map, each linked.
      expect((await page.locator('.unplaced li a').allTextContents()).sort()).toEqual(['Ladies and Gentlemen, The Fabulous Stains', 'Slacker', 'Wild Tigers I Have Known']);
      const labels = await map.locator('text').allTextContents();
      expect(labels.sort()).toEqual(tabled.map((t) => t.replace(/\s*\(.*\)$/, '')).sort());
      expect(await page.locator('.cards .card').count()).toBe(6);
    });
  });
  it('an archetype page shows its mean arc and its films', async () => {
    await visit('archetypes/louder-and-bleaker/', async (page) => {
      await expect(page.locator('h1').textContent()).resolves.toContain('Louder and Bleaker');
      expect(await page.locator('svg.chart[aria-label*="mean soundtrack arc"]').count()).toBe(1);
      // The evidence comes before the figures: stability, the order null and the study's match, in words.
      const trust = await page.locator('section:has(h2#trust)').textContent();
      expect(trust).toMatch(/Stability \d\.\d\d \(Hennig's Jaccard, 200 refitted resamples\)/);
      expect(trust).toMatch(/Chaotic Surrealism/);
      expect(await page.locator('table:has(caption:text("how often resamples kept them together")) tbody tr').count()).toBeGreaterThanOrEqual(1);
    });
  });
  it('a film page shows its arc and every one of its entries', async () => {
    await visit('films/slc-punk/', async (page) => {
      expect(await page.locator('svg.chart[aria-label*="SLC Punk: soundtrack arc"]').count()).toBe(1);
      expect(await page.locator('svg.chart[aria-label*="mood features of each of its 42"]').count()).toBe(1);
      expect(await page.locator('table:has(caption:text("42 soundtrack entries")) tbody tr').count()).toBe(42);
    });
  });
});
