/** The three page kinds in a real browser: each shows its chart SVG and logs no console error. */
import { describe, expect, it } from 'vitest';
import { sharedBuildInBrowser } from '../support/browser.ts';

const shared = sharedBuildInBrowser();

async function open(path: string) {
  const page = await shared.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on(
    'requestfailed',
    (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed request ${r.url()} (${r.failure()?.errorText})`),
  );
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
  it('home states the finding, shows the line-up with its answer folded away, and the pictures of what holds', async () => {
    await visit('', async (page) => {
      await expect(page.locator('h1').textContent()).resolves.toBe('The order of a film’s songs does not trace an arc that films share');
      // Six arcs of one film's songs; the answer names one of them, and is closed until asked for.
      expect(await page.locator('.lineup-grid li svg.chart[aria-label^="Arc "]').count()).toBe(6);
      const answer = page.locator('details.lineup-answer');
      expect(await answer.getAttribute('open')).toBeNull();
      expect(await answer.textContent()).toMatch(/The real order is [A-F]\./);
      // The levels, the co-assignment of films across refits, no map coloured by group.
      expect(await page.locator('svg.chart[aria-label^="Each film\'s mean valence"]').count()).toBe(1);
      expect(await page.locator('svg.chart[aria-label^="How often the refits keep each pair of films"]').count()).toBe(1);
      expect(await page.locator('svg.map').count()).toBe(0);
      // What the "no" is worth, in the first screen's next paragraph.
      expect(await page.locator('.prose').first().textContent()).toBeTruthy();
      expect(await page.textContent('body')).toMatch(/would have caught them \d+% of the time/);
    });
  });
  it('the groups page opens with stability against chance, then plain cards, then the map', async () => {
    await visit('archetypes/', async (page) => {
      await expect(page.locator('h1').textContent()).resolves.toMatch(/groups, and how they fall apart/);
      expect(await page.locator('.chart-at-wide svg.chart[aria-label^="Each group’s stability under resampling"]').count()).toBe(1);
      expect(await page.locator('.cards .card').count()).toBe(6);
      // No card is tilted or coloured by group.
      const transforms = await page.$$eval('.cards .card', (cards) => cards.map((c) => getComputedStyle(c).transform));
      expect(transforms.every((t) => t === 'none')).toBe(true);
      expect(await page.locator('.cards .stability-text').first().textContent()).toMatch(/Stability \d\.\d\d, chance \d\.\d\d–\d\.\d\d/);
      // The three films with too few songs to trace are listed beside the map, each linked.
      expect((await page.locator('.unplaced li a').allTextContents()).sort()).toEqual([
        'Ladies and Gentlemen, The Fabulous Stains',
        'Slacker',
        'Wild Tigers I Have Known',
      ]);
      const map = page.locator('.chart-at-wide svg.chart');
      expect(await map.locator('a[href*="/films/"]').count()).toBe(17);
    });
  });
  it('a group page shows how it holds up first, its films one by one, and its arcs', async () => {
    await visit('archetypes/bleak-and-restless/', async (page) => {
      await expect(page.locator('h1').textContent()).resolves.toContain('Bleak and Restless');
      const standing = await page.locator('section:has(h2#standing)').textContent();
      expect(standing).toMatch(/Stability \d\.\d\d over 200 resamples, where random groups of the same sizes score \d\.\d\d on average/);
      expect(await page.locator('table:has(caption:text("each with its own level")) tbody tr').count()).toBe(8);
      expect(await page.locator('svg.chart[aria-label*="mean soundtrack arc"]').count()).toBe(1);
    });
  });
  it('the maps keep each label beside its own mark, nearer it than any other, at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await shared.browser.newPage({ viewport: { width, height: 900 } });
      for (const path of ['archetypes/', 'method/']) {
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
          const away = (m: { x: number; y: number }) =>
            Math.hypot(Math.max(label.x0 - m.x, 0, m.x - label.x1), Math.max(label.y0 - m.y, 0, m.y - label.y1));
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
      expect(axes).toEqual([
        expect.stringMatching(/^1st principal component · \d+% of variance$/),
        expect.stringMatching(/^2nd principal component · \d+% of variance$/),
      ]);
      const caption = (await page.locator('figure:has(svg.map) figcaption').textContent()) ?? '';
      expect(caption).toMatch(/linear projection/);
      expect(caption).not.toMatch(/only meaningful between near neighbours/);
    });
    for (const path of ['archetypes/', 'method/']) {
      await visit(path, async (page) => {
        expect(await page.locator('figure:has(svg.map) figcaption').textContent()).toContain(
          'the groups KMeans found in these same scores, so they form regions by construction',
        );
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
