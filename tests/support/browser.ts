/** The shared build served and opened in Chromium, for browser tests. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from './chromium.ts';

export { CHROMIUM, launchBrowser } from './chromium.ts';

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
