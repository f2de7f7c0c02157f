// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/** "/soundtrack-arcs" or "/soundtrack-arcs/" → "/soundtrack-arcs/"; unset → "/".
 * @param {string | undefined} value */
function basePath(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  output: 'static',
  // The benchmark builds synthetic catalogues with a cache of their own, leaving this one intact.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  site: process.env.SITE_URL || 'https://example.org',
  base: basePath(process.env.BASE_PATH),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  // Pages carry no client JavaScript; prefetch would add some.
  prefetch: false,
  devToolbar: { enabled: false },
});
