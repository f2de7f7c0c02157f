// Runs a command of scripts/commands/ with plain Node: the command is bundled once with
// esbuild into .cache/bin/ and rebuilt only when a source file is newer. Starting this
// way takes a fraction of a second, where a TypeScript loader takes about one.
//   node scripts/run.mjs pipeline [args…]   (runs scripts/commands/pipeline.ts)
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry || !/^[a-z-]+$/.test(entry) || !existsSync(`scripts/commands/${entry}.ts`)) {
  const commands = readdirSync('scripts/commands')
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.slice(0, -3));
  console.error(`usage: node scripts/run.mjs <command> [args…]  (command: a file scripts/commands/<command>.ts: ${commands.join(', ')})`);
  process.exit(2);
}
function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs|json)$/.test(name.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// One folder per command and version of the sources (named for their newest change), moved
// into place whole: a run never imports a half-written bundle, and runs started at once
// (the tests build two sites side by side) never delete a bundle another run is reading.
// scripts/site imports the editors' toolchain (src/editorial) and what it reads of the story (src/story).
const stamp = String(Math.round(Math.max(newestSource('scripts'), newestSource('src'), statSync('package-lock.json').mtimeMs)));
const commandDir = join('.cache', 'bin', entry);
const outDir = join(commandDir, stamp);
const out = resolve(outDir, `${entry}.mjs`);
if (!existsSync(out)) {
  const { build } = await import('esbuild');
  const staging = join(commandDir, `.${stamp}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  await build({
    // The worker threads (the map stage's, the resampling stages', the site build's chart
    // thread) are bundled beside every command that may start them: lib/worker.ts and
    // site/build.ts look for them there.
    entryPoints: [
      `scripts/commands/${entry}.ts`,
      'scripts/threads/map-worker.ts',
      'scripts/threads/resampling-worker.ts',
      'src/charts/chart-worker.ts',
    ],
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
  try {
    renameSync(staging, outDir);
  } catch (error) {
    // Another run put the same version in place first: use it.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(out)) throw error;
  }
  // Older versions are of no more use; one a run still reads is left for the next clean-up.
  for (const name of readdirSync(commandDir)) {
    if (name !== stamp && !name.startsWith('.')) {
      try {
        if (statSync(join(commandDir, name)).mtimeMs < Date.now() - 60_000)
          rmSync(join(commandDir, name), { recursive: true, force: true });
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }
}
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
