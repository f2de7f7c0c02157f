/** The built site for browser tests: builds it once if dist/ is missing, serves it on 127.0.0.1. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
export { anchoredContent } from '../../scripts/lib/anchored-content.ts';

/** The environment a build would get from a shell: without what Vitest sets for itself (BASE_URL, MODE, NODE_ENV…), which Vite would read. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function ensureBuilt(outDir = 'dist', basePath = '/'): void {
  if (existsSync(`${outDir}/index.html`)) return;
  const env = buildEnv({ BASE_PATH: basePath });
  execFileSync('npm', ['run', '--silent', 'pipeline'], { stdio: 'inherit', env });
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], { stdio: 'inherit', env });
}

export async function serveSite(outDir = 'dist', basePath = '/'): Promise<StaticServer> {
  ensureBuilt(outDir, basePath);
  return serveStatic(outDir, basePath);
}

/** Builds the site from another story and content folder, into outDir, swapped in only on success. */
export function buildSiteWith(options: { story: string; content: string; outDir: string; cache: string; basePath?: string }): { status: number; output: string } {
  const env = buildEnv({ STORY_PATH: options.story, CONTENT_DIR: options.content, ASTRO_CACHE_DIR: options.cache, BASE_PATH: options.basePath ?? '/' });
  const result = spawnSync('node', ['scripts/run.mjs', 'build-site', '--out', options.outDir], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}
