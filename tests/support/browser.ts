/** Debian's Chromium through playwright-core: never a downloaded browser. */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * For a test file that reads the run's shared build (root) in one browser: serves it and
 * launches Chromium before the file's tests, closes both after. Read `.site` and
 * `.browser` inside tests.
 */
export function sharedBuildInBrowser(): { site: StaticServer; browser: Browser } {
  const shared = {} as { site: StaticServer; browser: Browser };
  beforeAll(async () => {
    shared.site = await serveStatic(inject('testSite').root);
    shared.browser = await launchBrowser();
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.site?.close();
  });
  return shared;
}
