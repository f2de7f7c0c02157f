import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE, siteUrlWarning, stagingFolder } from '../../../scripts/site/build.ts';

describe('the build’s word on SITE_URL', () => {
  it('warns in plain words, naming what points at the placeholder and how to fix it, when SITE_URL is unset or blank', () => {
    for (const env of [{}, { SITE_URL: '' }, { SITE_URL: '  ' }]) {
      const warning = siteUrlWarning(env);
      expect(warning).toContain('SITE_URL is not set');
      expect(warning).toContain(PLACEHOLDER_SITE);
      for (const part of ['canonical links', 'og:url', 'sitemap.xml', 'robots.txt']) expect(warning).toContain(part);
      expect(warning).toMatch(/fix: .*SITE_URL=https:\/\/\S+ BASE_PATH=\S+ npm run build/);
    }
  });
  it('says nothing when SITE_URL is set', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://soundtrack-arcs.example' })).toBeNull();
  });
});

describe('where Astro builds before the swap', () => {
  const cwd = '/work/project';
  it('is beside the output folder when that is inside the working folder', () => {
    expect(stagingFolder('dist', cwd)).toBe('/work/project/dist.next');
    expect(stagingFolder('/work/project/out/site', cwd)).toBe('/work/project/out/site.next');
  });
  it('is inside the working folder when the output folder is not, so Astro copies no build leftovers into the site', () => {
    for (const outDir of ['/tmp/site', '../elsewhere/site', '/work/project-other/site']) {
      const staging = stagingFolder(outDir, cwd);
      expect(staging.startsWith(`${cwd}/.cache/site-build/`), staging).toBe(true);
      expect(staging).toMatch(/\/site\.\d+\.next$/);
    }
  });
});
