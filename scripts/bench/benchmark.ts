/**
 * The benchmark (`npm run bench`): at each size, the pipeline (`npm run pipeline`, npm's
 * and Node's start-up included) alternated run by run with the same method done in
 * numpy and scikit-learn (method-reference.py) on the same songs, with per-step times on
 * both sides and their ratios; then the site build at the largest size beside a bare
 * Astro site of as many pages, built in the same run, so the gap to Astro's own floor
 * shows. Where the reference cannot run, it says why and still times the pipeline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig } from '../config.ts';
import { anchoredContent } from './anchored-content.ts';
import { compareSteps, formatSteps, median, referenceFullMs, type ReferenceRun, type ReferenceStep, type Timing } from './steps.ts';
import { bareAstroSite } from './bare-astro.ts';
import { syntheticCatalogue } from './synthetic-catalogue.ts';

export interface BenchOptions {
  /** Catalogue sizes in films; 20 is the real data. */
  sizes: number[];
  /** Runs per size, each side alternated (medians shown). */
  runs: number;
  /** Whether to time the site build at the largest size too. */
  site: boolean;
  /** Units of each repeated step the reference times before scaling (method-reference.py's --sample). */
  sample: number;
}

interface PipelineRun {
  wallMs: number;
  stages: Timing[];
  maxRssBytes: number;
  storyHash: string;
}

const REFERENCE = 'scripts/bench/method-reference.py';

/** One run of `npm run pipeline`, as a person types it. */
function runPipeline(dataDir: string, outDir: string): PipelineRun {
  const start = performance.now();
  const result = spawnSync('npm', ['run', '--silent', 'pipeline', '--', '--data', dataDir, '--out', outDir, '--timings'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`pipeline failed on ${dataDir}:\n${result.stderr}`);
  const line = result.stdout.split('\n').find((l) => l.startsWith('TIMINGS '));
  if (!line) throw new Error('the pipeline printed no TIMINGS line');
  const { stages, maxRssBytes } = JSON.parse(line.slice('TIMINGS '.length)) as { stages: Timing[]; maxRssBytes: number };
  const storyHash = execFileSync('sha256sum', [join(outDir, 'story.json')], { encoding: 'utf8' }).split(' ')[0];
  return { wallMs, stages, maxRssBytes, storyHash };
}

/** Debian's Python with scikit-learn, or why there is none. */
export function referencePython(): { python: string } | { missing: string } {
  // Debian's python3-sklearn installs for /usr/bin/python3; another python3 on PATH may lack it.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const probe = spawnSync(python, ['-c', 'import sklearn, joblib'], { encoding: 'utf8' });
  if (probe.status === 0) return { python };
  return { missing: `${python} cannot import scikit-learn and joblib (on Debian: apt-get install python3-sklearn)` };
}

/** One run of the reference on the songs of a story the pipeline wrote, as a whole Python process. */
export function runReference(python: string, storyPath: string, configPath: string, sample: number): ReferenceRun {
  const start = performance.now();
  const result = spawnSync(python, [REFERENCE, storyPath, configPath, '--sample', String(sample)], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${REFERENCE} failed:\n${result.stderr}`);
  const { steps } = JSON.parse(result.stdout) as { steps: ReferenceStep[] };
  return { wallMs, steps, fullMs: referenceFullMs(wallMs, steps) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One size: the two sides alternated `runs` times, then the per-step table. Returns the summary row. */
function benchSize(size: number, root: string, options: BenchOptions, reference: { python: string } | { missing: string }): string {
  // The real data as the README's commands read it, so the story's hash is theirs.
  const dataDir = size === 20 ? 'data' : join(root, `data-${size}`);
  if (size !== 20) syntheticCatalogue(size, dataDir);
  const configPath = join(root, 'config.json');
  const ours: PipelineRun[] = [];
  const theirs: ReferenceRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    const outDir = join(root, `out-${size}-${r}`);
    ours.push(runPipeline(dataDir, outDir));
    if ('python' in reference) theirs.push(runReference(reference.python, join(outDir, 'story.json'), configPath, options.sample));
  }
  const wall = median(ours.map((r) => r.wallMs));
  const full = theirs.length ? median(theirs.map((r) => r.fullMs)) : null;
  const identical = ours.every((r) => r.storyHash === ours[0].storyHash);
  const peak = Math.max(...ours.map((r) => r.maxRssBytes));
  console.log(`\n${size} films (${options.runs} runs each side, alternated; medians)\n`);
  console.log(formatSteps(compareSteps(ours, theirs)));
  console.log(
    `\n  pipeline: ${seconds(wall)} wall (npm run pipeline, start-up included); runs ${ours.map((r) => seconds(r.wallMs)).join(', ')}`,
  );
  console.log(
    `  peak memory ${mb(peak)} · story.json identical across runs: ${identical ? 'yes' : 'NO'} (sha256 ${ours[0].storyHash.slice(0, 16)}…)`,
  );
  console.log(
    full === null
      ? `  reference: not run: ${'missing' in reference ? reference.missing : ''}`
      : `  reference: ${seconds(full)} for the whole method (its Python process, ${seconds(median(theirs.map((r) => r.wallMs)))} wall, with each sampled step scaled to its full count) · ratio ${(wall / full).toFixed(2)}`,
  );
  return `| ${size} | ${seconds(wall)} | ${full === null ? '–' : seconds(full)} | ${full === null ? '–' : (wall / full).toFixed(2)} | ${mb(peak)} | ${identical ? 'yes' : 'no'} |`;
}

/** `astro build` of the site on a story, and of a bare Astro site with as many pages: wall time and pages each. */
function benchSite(storyPath: string, root: string): void {
  const content = join(root, 'content');
  anchoredContent(content, JSON.parse(readFileSync(storyPath, 'utf8')));
  // What `npm run build` runs after the pipeline: the essay check, then Astro with the cards painted beside it.
  const site = timedBuild(['scripts/run.mjs', 'build-site', '--out', join(root, 'dist')], {
    STORY_PATH: storyPath,
    CONTENT_DIR: content,
    ASTRO_CACHE_DIR: join(root, 'astro-cache'),
  });
  // Inside the project, so its pages import the project's astro; .cache/ is not committed.
  const bareRoot = resolve('.cache', 'bench-bare-astro');
  bareAstroSite(bareRoot, site.pages);
  const bare = astroBuild(['--outDir', join(root, 'bare-dist')], {}, bareRoot);
  rmSync(bareRoot, { recursive: true, force: true });
  const perPage = (run: { ms: number; pages: number }) => `${(run.ms / run.pages).toFixed(1)} ms a page`;
  console.log(`\nSite build (node scripts/run.mjs build-site, as npm run build runs it; the bare site by astro build)\n`);
  console.log('| site | pages | wall time | per page |\n| --- | --- | --- | --- |');
  console.log(`| Soundtrack Arcs | ${site.pages} | ${seconds(site.ms)} | ${perPage(site)} |`);
  console.log(`| bare Astro pages (a title and a paragraph) | ${bare.pages} | ${seconds(bare.ms)} | ${perPage(bare)} |`);
}

/** `astro build` run in `cwd` (the project, or the bare site's folder), with the project's Astro. */
export function astroBuild(args: string[], env: Record<string, string>, cwd = '.'): { ms: number; pages: number } {
  return timedBuild([resolve('node_modules', 'astro', 'astro.js'), 'build', ...args], env, cwd);
}

/** A build run with Node: its wall time, and the pages Astro says it built. */
function timedBuild(args: string[], env: Record<string, string>, cwd = '.'): { ms: number; pages: number } {
  const start = performance.now();
  const build = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (build.status !== 0) throw new Error(`${args.join(' ')} failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  return { ms, pages: Number((build.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? 0) };
}

export async function runBenchmark(options: BenchOptions): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'arcs-bench-'));
  // Make sure the bundle exists, so no run pays for building it.
  execFileSync(process.execPath, ['scripts/run.mjs', 'pipeline', '--out', join(root, 'warm')], { stdio: 'ignore' });
  writeFileSync(join(root, 'config.json'), JSON.stringify(defaultConfig));
  const reference = referencePython();
  console.log(`Soundtrack Arcs benchmark · Node ${process.version} · load ${loadAverage()}`);
  console.log(
    `Reference: ${'python' in reference ? `${REFERENCE} (numpy and scikit-learn, joblib over 2 workers; repeated steps sampled ${options.sample} units and scaled)` : `not run: ${reference.missing}`}`,
  );
  const summary = options.sizes.map((size) => benchSize(size, root, options, reference));
  console.log(
    '\n| films | pipeline | same method in scikit-learn | ratio | peak memory | same bytes every run |\n| --- | --- | --- | --- | --- | --- |',
  );
  console.log(summary.join('\n'));
  if (options.site) benchSite(join(root, `out-${options.sizes[options.sizes.length - 1]}-0`, 'story.json'), root);
  console.log(`\nload after: ${loadAverage()}`);
  rmSync(root, { recursive: true, force: true });
  // The synthetic build rewrote .astro/'s generated modules; regenerate them for the real content.
  if (options.site) execFileSync('npx', ['astro', 'sync'], { stdio: 'ignore' });
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
