// Runs a command of scripts/commands/ with plain Node: the command is bundled once with
// esbuild into .cache/bin/ and rebuilt only when a source file is newer. Starting this
// way takes a fraction of a second, where a TypeScript loader takes about one.
//   node scripts/run.mjs pipeline [args…]   (runs scripts/commands/pipeline.ts)
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry || !/^[a-z-]+$/.test(entry) || !existsSync(`scripts/commands/${entry}.ts`)) {
  const commands = readdirSync('scripts/commands').filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
  console.error(`usage: node scripts/run.mjs <command> [args…]  (command: a file scripts/commands/<command>.ts: ${commands.join(', ')})`);
  process.exit(2);
}
// One folder per command, swapped in whole, so a run never imports a half-written bundle.
const outDir = join('.cache', 'bin', entry);
const out = resolve(outDir, `${entry}.mjs`);

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs|json)$/.test(name.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// src/lib holds what the essay check shares with the site (component registry, facts, schemas).
const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newestSource('scripts'), newestSource(join('src', 'lib')), statSync('package-lock.json').mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    // The worker threads (the map stage's, the resampling stages') are bundled beside
    // every command that may start them: lib/worker.ts looks for them there.
    entryPoints: [`scripts/commands/${entry}.ts`, 'scripts/stages/map-worker.ts', 'scripts/stages/resampling-worker.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: staging,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
  });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
}
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
