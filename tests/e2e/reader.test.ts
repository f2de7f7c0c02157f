/**
 * What a reader points at, in Chromium at 360 and 1280 px: the map's marks are links to
 * their films with titles, its labels are readable and on screen; every song dot has a
 * title; the cards label their lines; the track table links out to look songs up; the
 * film index is a table with headers; scroll regions are focusable and named; nothing
 * scrolls sideways on a phone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBuildInBrowser } from '../support/browser.ts';

const shared = sharedBuildInBrowser();

async function open(path: string, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await shared.browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(shared.site.url + path, { waitUntil: 'load' });
  return page;
}

for (const width of [360, 1280]) {
  describe(`at ${width} px`, () => {
    it('the map: one drawing shown, every mark a link to its film page with a title, labels at 10 px or more and inside the chart and the screen', async () => {
      for (const path of ['archetypes/', 'method/']) {
        const page = await open(path, width);
        const maps = await page.evaluate(() =>
          Array.from(document.querySelectorAll('svg.map'))
            .filter((svg) => (svg as SVGSVGElement).getBoundingClientRect().width > 0)
            .map((svg) => {
              const box = svg.getBoundingClientRect();
              const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
              const labels = Array.from(svg.querySelectorAll('text')).map((t) => {
                const r = t.getBoundingClientRect();
                return {
                  text: t.textContent,
                  film: t.hasAttribute('data-point'),
                  px: parseFloat(getComputedStyle(t).fontSize) * scale,
                  inside:
                    r.left >= box.left - 1 &&
                    r.right <= box.right + 1 &&
                    r.top >= box.top - 1 &&
                    r.bottom <= box.bottom + 1 &&
                    r.left >= 0 &&
                    r.right <= document.documentElement.clientWidth,
                };
              });
              const links = Array.from(svg.querySelectorAll('a')).map((a) => ({
                href: a.getAttribute('href'),
                title: a.querySelector(':scope > title')?.textContent ?? '',
              }));
              return { layout: svg.getAttribute('class'), labels, links };
            }),
        );
        expect(maps, path).toHaveLength(1);
        const [map] = maps;
        expect(map.layout).toContain(width < 560 ? 'map-narrow' : 'map-wide');
        expect(map.links.length).toBeGreaterThanOrEqual(10);
        for (const link of map.links) {
          expect(link.href).toMatch(/^\/films\/[a-z0-9-]+\/$/);
          expect(link.title).toMatch(/\(\d{4}\): (group .+|no group); story shape: .+/);
        }
        // A label per film; the PCA plane's two axis names are held to the same size and bounds.
        expect(map.labels.filter((l) => l.film).length).toBe(map.links.length);
        expect(map.labels.filter((l) => !l.film).length).toBe(path === 'method/' ? 2 : 0);
        for (const label of map.labels) {
          expect(label.px, `${path} "${label.text}"`).toBeGreaterThanOrEqual(10);
          expect(label.inside, `${path} "${label.text}" is cut off`).toBe(true);
        }
        // Following a mark leads to its film.
        const first = map.links[0].href!;
        const response = await page.goto(new URL(first, shared.site.url).href);
        expect(response?.status()).toBe(200);
        await page.context().close();
      }
    });

    it('a film page: nothing sideways, every song dot titled, every song with its two look-up links', async () => {
      const page = await open('films/slc-punk/', width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const dots = await page.evaluate(() => {
        const svg = document.querySelector('svg.chart[aria-label*="mood features of each"]')!;
        return Array.from(svg.querySelectorAll('circle')).map((c) => c.querySelector('title')?.textContent ?? '');
      });
      expect(dots.length).toBe(4 * 23);
      for (const title of dots)
        expect(title).toMatch(/^#\d+ “.+” by .+\ngenres: .+\nvalence \d\.\d\d, energy \d\.\d\d, danceability \d\.\d\d, tempo \d+ BPM$/);
      const rows = await page.$$eval('table.tracks tbody tr', (trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('td.lookup a')).map((a) => ({
            href: (a as HTMLAnchorElement).href,
            rel: a.getAttribute('rel'),
            name: a.textContent,
          })),
        ),
      );
      expect(rows).toHaveLength(42);
      for (const links of rows) {
        expect(links.map((l) => new URL(l.href).origin)).toEqual(['https://musicbrainz.org', 'https://www.youtube.com']);
        expect(links[0].href).toMatch(/^https:\/\/musicbrainz\.org\/search\?query=[^&]+&type=recording$/);
        expect(links.every((l) => l.rel === 'noopener')).toBe(true);
        expect(links[0].name).toMatch(/^MusicBrainz: search for .+/);
      }
      // No embeds: nothing from either service loads with the page.
      expect(await page.locator('iframe, embed, object').count()).toBe(0);
      await page.context().close();
    });

    it('a group page: every scroll region focusable and named', async () => {
      const page = await open('archetypes/bleak-and-restless/', width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const wraps = await page.$$eval('.table-wrap, .chart-scroll', (els) =>
        els.map((e) => ({ tabindex: e.getAttribute('tabindex'), role: e.getAttribute('role'), label: e.getAttribute('aria-label') ?? '' })),
      );
      expect(wraps.length).toBeGreaterThanOrEqual(3);
      for (const w of wraps) {
        expect(w.tabindex).toBe('0');
        expect(w.role).toBe('region');
        expect(w.label).toMatch(/^(Table|Chart): ./);
      }
      await page.context().close();
    });

    it('the group cards name their four lines and their scale', async () => {
      const page = await open('archetypes/', width);
      const cards = await page.$$eval('.card svg.chart', (svgs) =>
        svgs.map((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const texts = Array.from(svg.querySelectorAll('text'));
          return {
            words: texts.map((t) => t.textContent),
            smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
          };
        }),
      );
      expect(cards).toHaveLength(6);
      for (const card of cards) {
        expect(card.words).toEqual(expect.arrayContaining(['valence', 'energy', 'danceability', 'tempo', 'scale: within-film min–max']));
        expect(card.smallest).toBeGreaterThanOrEqual(10);
      }
      await page.context().close();
    });
  });
}

describe('the film index', () => {
  it('is a table of every film with group, story shape, order signal and coverage, complete without JavaScript', async () => {
    const page = await open('films/', 360, false);
    const headers = await page.$$eval('table.film-table thead th', (ths) =>
      ths.map((th) => [th.getAttribute('scope'), th.textContent?.trim()]),
    );
    expect(headers).toEqual([
      ['col', 'Film'],
      ['col', 'Year'],
      ['col', 'Group'],
      ['col', 'Story shape'],
      ['col', 'Smoother than reorderings'],
      ['col', 'Songs with moods'],
    ]);
    const rows = await page.$$eval('table.film-table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => (c as HTMLElement).innerText.trim())),
    );
    expect(rows).toHaveLength(20);
    const slc = rows.find((r) => r[0] === 'SLC Punk')!;
    expect(slc[4]).toMatch(/^\d+%\s+p = 0\.\d{2,3}$/);
    expect(slc[5]).toBe('23 of 42');
    expect(rows.find((r) => r[0] === 'Slacker')![2]).toBe('none');
    expect(await page.locator('.film-finder .filter').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('sorts by a header button and filters by text when JavaScript runs', async () => {
    const page = await open('films/', 1280);
    const titles = () => page.$$eval('table.film-table tbody tr:not([hidden]) th', (ths) => ths.map((th) => th.textContent?.trim()));
    await page.getByRole('button', { name: 'Year' }).click();
    const years = await page.$$eval('table.film-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(await page.getAttribute('table.film-table th:nth-child(2)', 'aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Year' }).click();
    expect(await page.getAttribute('table.film-table th:nth-child(2)', 'aria-sort')).toBe('descending');
    await page.getByLabel('Find a film').fill('punk');
    expect(await titles()).toEqual(['SLC Punk']);
    await page.getByLabel('Find a film').fill('');
    expect(await titles()).toHaveLength(20);
    await page.context().close();
  });
});
