/** The built site for browser tests: builds it once if dist/ is missing, serves it on 127.0.0.1. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from './static-server.ts';

export function ensureBuilt(outDir = 'dist', basePath = '/'): void {
  if (existsSync(`${outDir}/index.html`)) return;
  const env = { ...process.env, BASE_PATH: basePath };
  execFileSync('npm', ['run', '--silent', 'pipeline'], { stdio: 'inherit', env });
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], { stdio: 'inherit', env });
}

export async function serveSite(outDir = 'dist', basePath = '/'): Promise<StaticServer> {
  ensureBuilt(outDir, basePath);
  return serveStatic(outDir, basePath);
}
