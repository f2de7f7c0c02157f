// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { editorTools } from './src/dev/integration.ts';

// This project stays on Astro 5 (Astro 6 needs Node 22): a prompt to upgrade would only mislead.
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

/** "/soundtrack-arcs" or "/soundtrack-arcs/" → "/soundtrack-arcs/"; unset → "/".
 * @param {string | undefined} value */
function basePath(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const base = basePath(process.env.BASE_PATH);

export default defineConfig({
  output: 'static',
  // The benchmark builds synthetic catalogues with a cache of their own, leaving this one intact.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  site: process.env.SITE_URL || 'https://example.org',
  base,
  trailingSlash: 'always',
  // With a chart thread (src/charts/offload.ts), a few pages at once: while one waits for its
  // charts, Astro renders the next. Without one, concurrency would only interleave the same work.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: process.env.CHART_WORKER ? 4 : 1 },
  integrations: [mdx(), editorTools()],
  // Pages carry no client JavaScript; prefetch would add some.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    server: {
      // `npm run build` writes dist.next/ and swaps it into dist/; the pipeline and tests
      // write under .cache/. None of it is a source of the dev site.
      watch: { ignored: ['**/dist/**', '**/dist.next/**', '**/dist.previous/**', '**/.cache/**', '**/data/snapshot/**'] },
    },
  },
});
