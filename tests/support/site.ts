/**
 * Sites built for the tests: the browser tests read the sites that tests/e2e/global-setup.ts
 * builds, once per run, from the sources as they are, into folders only the tests write.
 * Nothing they check can come from dist/ or from an earlier run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
export { anchoredContent } from '../../scripts/bench/anchored-content.ts';

/** Inside the project, where .cache/ is not committed (scripts/site/build.ts stages a build bound elsewhere inside it too). */
export const TEST_SITE_DIR = '.cache/test-site';
export const SUBPATH = '/soundtrack-arcs/';

export interface TestSite {
  /** The story the pipeline wrote for this run. */
  story: string;
  /** The site built for "/". */
  root: string;
  /** The site built for SUBPATH. */
  subpath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testSite: TestSite;
  }
}

/** The environment a build would get from a shell: without what Vitest sets for itself (BASE_URL, MODE, NODE_ENV…), which Vite would read. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export interface BuildOptions {
  story: string;
  content: string;
  outDir: string;
  cache: string;
  basePath?: string;
}

function buildArgs(options: BuildOptions): { env: NodeJS.ProcessEnv; args: string[] } {
  const env = buildEnv({
    STORY_PATH: options.story,
    CONTENT_DIR: options.content,
    ASTRO_CACHE_DIR: options.cache,
    BASE_PATH: options.basePath ?? '/',
  });
  return { env, args: ['scripts/run.mjs', 'build-site', '--out', options.outDir] };
}

/** Builds the site from another story and content folder, into outDir, swapped in only on success. The log is returned, never printed. */
export function buildSiteWith(options: BuildOptions): { status: number; output: string } {
  const { env, args } = buildArgs(options);
  const result = spawnSync('node', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

/** The same, without blocking, so that two builds can share the machine's cores; the log goes to logFile. */
export function buildSiteAsync(options: BuildOptions, logFile: string): Promise<{ status: number; output: string }> {
  const { env, args } = buildArgs(options);
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8') + (signal ? `\n(killed by ${signal})\n` : '');
      writeFileSync(logFile, output);
      resolve({ status: code ?? 1, output });
    });
  });
}
