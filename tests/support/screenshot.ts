/**
 * `npx tsx tests/support/screenshot.ts <out-dir> <path>...`: screenshots of built pages at 360
 * and 1280 px, light and dark, one image per screenful, for looking at what the build made.
 * SCHEMES=light WIDTHS=1280 narrow the set.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './chromium.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

const [out = '.cache/screens', ...paths] = process.argv.slice(2);
const widths = (process.env.WIDTHS ?? '360,1280').split(',').map(Number);
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',') as ('light' | 'dark')[];
const maxShots = Number(process.env.MAX_SHOTS ?? 6);
mkdirSync(out, { recursive: true });
const site = await serveStatic('dist');
const browser = await launchBrowser();
for (const path of paths.length ? paths : ['']) {
  for (const width of widths) {
    for (const scheme of schemes) {
      const height = width < 600 ? 780 : 900;
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(site.url + path);
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let shot = 0; shot * height < total && shot < maxShots; shot++) {
        await page.evaluate((y) => window.scrollTo(0, y), shot * height);
        const name = `${(path || 'home').replace(/\W+/g, '_')}-${width}-${scheme}-${shot}.png`;
        await page.screenshot({ path: join(out, name) });
        console.log(join(out, name));
      }
      await page.close();
    }
  }
}
await browser.close();
await site.close();
