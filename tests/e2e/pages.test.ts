/** The three page kinds in a real browser: each shows its chart SVG and logs no console error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveSite } from '../support/site.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed request ${r.url()} (${r.failure()?.errorText})`));
  const response = await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, errors, status: response?.status() };
}

describe('pages in Chromium', () => {
  it('home shows the landscape map and the archetype cards', async () => {
    const { page, errors, status } = await open('');
    expect(status).toBe(200);
    expect(await page.locator('figure svg.chart[role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('svg.chart[aria-label*="landscape" i], figure:has-text("The landscape") svg.chart').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.cards .card').count()).toBe(6);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('an archetype page shows its mean arc and its films', async () => {
    const { page, errors, status } = await open('clusters/louder-and-bleaker/');
    expect(status).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Louder and Bleaker');
    expect(await page.locator('svg.chart[aria-label*="mean soundtrack arc"]').count()).toBe(1);
    expect(await page.locator('table:has(caption:text("kept them together")) tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('a film page shows its arc and every one of its entries', async () => {
    const { page, errors, status } = await open('films/slc-punk/');
    expect(status).toBe(200);
    expect(await page.locator('svg.chart[aria-label*="SLC Punk: soundtrack arc"]').count()).toBe(1);
    expect(await page.locator('svg.chart[aria-label*="mood features of each of its 42"]').count()).toBe(1);
    expect(await page.locator('table:has(caption:text("42 soundtrack entries")) tbody tr').count()).toBe(42);
    expect(errors).toEqual([]);
    await page.close();
  });
});
