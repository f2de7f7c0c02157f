/**
 * `npx tsx tools/screenshot.ts <out-dir> <path>...`: full-page screenshots of built pages
 * at 360 and 1280 px, light and dark, for looking at what the build made.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const [out = '.cache/screens', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const site = await serveStatic('dist');
const browser = await launchBrowser();
for (const path of paths.length ? paths : ['']) {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(site.url + path);
      const name = `${(path || 'home').replace(/\W+/g, '_')}-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      await page.close();
      console.log(join(out, name));
    }
  }
}
await browser.close();
await site.close();
