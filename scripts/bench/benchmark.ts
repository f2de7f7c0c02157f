/**
 * The benchmark (`npm run bench`): the pipeline on the 20 real films and on seeded
 * synthetic catalogues (synthetic-catalogue.ts), each run as `npm run pipeline` (npm and
 * Node start-up included), with wall time and peak memory per stage and in total, beside
 * the study's scikit-learn steps on the same arcs (study-reference.py); then the site
 * build at the largest size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { anchoredContent } from './anchored-content.ts';
import { syntheticCatalogue } from './synthetic-catalogue.ts';

interface Timing {
  stage: string;
  ms: number;
  rss: number;
}

/** One run of `npm run pipeline`, as a person types it: npm's and Node's start-up are in the wall time. */
function runPipelineProcess(dataDir: string, outDir: string): { wallMs: number; stages: Timing[]; maxRssBytes: number; storyHash: string } {
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

/**
 * The reference the targets are ratios against: the study's own steps (scikit-learn's
 * StandardScaler, PCA, KMeans and t-SNE) on the same arcs, as a whole Python process,
 * median of `runs`. Null when Debian's python3-sklearn is not installed.
 */
function studyReference(story: string, runs: number): number | null {
  const script = 'scripts/bench/study-reference.py';
  // Debian's Python, where python3-sklearn installs; another python3 on PATH may lack it.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const probe = spawnSync(python, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    const result = spawnSync(python, [script, story], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export interface BenchOptions {
  /** Catalogue sizes in films; 20 is the real data. */
  sizes: number[];
  /** Runs per size (the median is shown). */
  runs: number;
  /** Whether to time the site build at the largest size too. */
  site: boolean;
}

export async function runBenchmark({ sizes, runs, site }: BenchOptions): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'arcs-bench-'));
  // Make sure the bundle exists, so no run pays for building it.
  execFileSync(process.execPath, ['scripts/run.mjs', 'pipeline', '--out', join(root, 'warm')], { stdio: 'ignore' });
  console.log(`Soundtrack Arcs benchmark · Node ${process.version} · ${runs} runs per size (median shown)\n`);
  const summary: string[] = [];
  let lastData = '';
  for (const size of sizes) {
    const dataDir = size === 20 ? resolve('data') : join(root, `data-${size}`);
    if (size !== 20) syntheticCatalogue(size, dataDir);
    lastData = dataDir;
    const results = Array.from({ length: runs }, (_, r) => runPipelineProcess(dataDir, join(root, `out-${size}-${r}`)));
    const sorted = [...results].sort((a, b) => a.wallMs - b.wallMs);
    const median = sorted[Math.floor(sorted.length / 2)];
    const identical = results.every((r) => r.storyHash === results[0].storyHash);
    console.log(`${size} films`);
    console.log(`  ${'stage'.padEnd(12)} ${'ms'.padStart(8)} ${'rss after'.padStart(10)}`);
    for (const s of median.stages) console.log(`  ${s.stage.padEnd(12)} ${s.ms.toFixed(0).padStart(8)} ${mb(s.rss).padStart(10)}`);
    console.log(
      `  ${'total'.padEnd(12)} ${median.wallMs.toFixed(0).padStart(8)} ${mb(median.maxRssBytes).padStart(10)}  (wall time of npm run pipeline, npm and Node start included; peak RSS of the pipeline process)`,
    );
    console.log(
      `  runs: ${results.map((r) => r.wallMs.toFixed(0)).join(', ')} ms · story.json identical across runs: ${identical ? 'yes' : 'NO'}`,
    );
    const reference = studyReference(join(root, `out-${size}-0`, 'story.json'), runs);
    const ratio = reference ? median.wallMs / reference : null;
    console.log(
      reference
        ? `  the study's scikit-learn steps on the same arcs: ${reference.toFixed(0)} ms (median of ${runs}) · ratio ${ratio!.toFixed(2)}\n`
        : "  the study's scikit-learn steps: not timed (needs python3-sklearn)\n",
    );
    summary.push(
      `| ${size} | ${median.wallMs.toFixed(0)} ms | ${reference ? `${reference.toFixed(0)} ms` : '–'} | ${ratio ? ratio.toFixed(2) : '–'} | ${mb(median.maxRssBytes)} | ${identical ? 'yes' : 'no'} |`,
    );
  }
  console.log(
    '| films | pipeline wall time | study (scikit-learn) | ratio | peak memory | same bytes every run |\n| --- | --- | --- | --- | --- | --- |',
  );
  console.log(summary.join('\n'));
  if (site) {
    const size = sizes[sizes.length - 1];
    const outDir = join(root, `out-${size}-0`);
    const content = join(root, 'content');
    anchoredContent(content, JSON.parse(readFileSync(join(outDir, 'story.json'), 'utf8')));
    const start = performance.now();
    const build = spawnSync('npx', ['astro', 'build', '--outDir', join(root, 'dist')], {
      encoding: 'utf8',
      env: { ...process.env, STORY_PATH: join(outDir, 'story.json'), CONTENT_DIR: content, ASTRO_CACHE_DIR: join(root, 'astro-cache') },
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
    const pages = (build.stdout.match(/(\d+) page\(s\) built/) ?? [])[1];
    console.log(`\nSite build (astro build) at ${size} films: ${(ms / 1000).toFixed(1)} s for ${pages} pages`);
    console.log(`| ${size} films | astro build ${(ms / 1000).toFixed(1)} s | ${pages} pages |`);
  }
  if (existsSync(lastData)) rmSync(root, { recursive: true, force: true });
  // The synthetic build rewrote .astro/'s generated modules; regenerate them for the real content.
  if (site) execFileSync('npx', ['astro', 'sync'], { stdio: 'ignore' });
}
