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
  it('the maps keep each label beside its own mark, nearer it than any other, at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await shared.browser.newPage({ viewport: { width, height: 900 } });
      for (const path of ['', 'method/']) {
        await page.goto(shared.site.url + path);
        // In CSS pixels, for the drawing that shows at this width: each label's box, its own mark's centre, every mark's centre.
        const maps = await page.$$eval('svg.map', (svgs) =>
          svgs
            .filter((svg) => svg.getClientRects().length > 0)
            .map((svg) => ({
              scale: svg.getBoundingClientRect().width / Number(svg.getAttribute('width')),
              marks: Array.from(svg.querySelectorAll('a[data-point] circle')).map((c) => {
                const r = c.getBoundingClientRect();
                return { point: c.parentElement!.getAttribute('data-point'), x: r.x + r.width / 2, y: r.y + r.height / 2 };
              }),
              labels: Array.from(svg.querySelectorAll('text[data-point]')).map((t) => {
                const r = t.getBoundingClientRect();
                return { point: t.getAttribute('data-point'), text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
              }),
            })),
        );
        expect(maps, `${path} at ${width}px`).toHaveLength(1);
        const [{ scale, marks, labels }] = maps;
        expect(labels.length).toBe(17);
        for (const label of labels) {
          const away = (m: { x: number; y: number }) => Math.hypot(Math.max(label.x0 - m.x, 0, m.x - label.x1), Math.max(label.y0 - m.y, 0, m.y - label.y1));
          const own = marks.find((m) => m.point === label.point)!;
          const where = `${label.text} on ${path || 'home'} at ${width}px`;
          // No farther from the mark's centre than the placement's outer ring of spots: the gap (9 units) and
          // the mark's radius (7) out, diagonally (half a label's height back), about 17.6 units; 18 allows for rounding.
          expect(away(own) / scale, where).toBeLessThanOrEqual(18);
          const nearest = marks.reduce((a, b) => (away(b) < away(a) ? b : a));
          expect(away(nearest), `${where}: nearer another mark (${nearest.point}) than its own`).toBeGreaterThanOrEqual(away(own) - 0.5);
        }
      }
      await page.close();
    }
  });

  it('the PCA map names its axes with the variance each explains, and every map says its colours come from the same scores', async () => {
    await visit('method/', async (page) => {
      const pca = page.locator('.chart-at-wide svg.map');
      const axes = (await pca.locator('text:not([data-point])').allTextContents()).sort();
      expect(axes).toEqual([expect.stringMatching(/^1st principal component · \d+% of variance$/), expect.stringMatching(/^2nd principal component · \d+% of variance$/)]);
      const caption = (await page.locator('figure:has(svg.map) figcaption').textContent()) ?? '';
      expect(caption).toMatch(/linear projection/);
      expect(caption).not.toMatch(/only meaningful between near neighbours/);
    });
    for (const path of ['', 'method/']) {
      await visit(path, async (page) => {
        expect(await page.locator('figure:has(svg.map) figcaption').textContent()).toContain('the groups KMeans found in these same scores, so they form regions by construction');
      });
    }
  });

  it('a film page shows its arc and every one of its entries', async () => {
    await visit('films/slc-punk/', async (page) => {
      expect(await page.locator('svg.chart[aria-label*="SLC Punk: soundtrack arc"]').count()).toBe(1);
      expect(await page.locator('svg.chart[aria-label*="mood features of each of its 42"]').count()).toBe(1);
      expect(await page.locator('table:has(caption:text("42 soundtrack entries")) tbody tr').count()).toBe(42);
    });
  });
});
