/**
 * `npm run bench`: the pipeline on the 20 real films and on seeded synthetic catalogues
 * of 200 and 2,000 films, each in a fresh Node process (start-up included), with wall
 * time and peak memory per stage and in total; then the site build at 2,000 films.
 *
 * Synthetic films draw their track counts from the real films and each track from a
 * real track (its genre tags, so its mood features follow the real distribution,
 * missing features included), under synthetic artist names.
 *
 *   npm run bench [-- --sizes 20,200,2000] [--no-site] [--runs 3]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { anchoredContent } from './bench/anchored-content.ts';
import { stringify } from 'csv-stringify/sync';
import { stableJson } from './lib/files.ts';
import { randomInt, seededRandom } from './lib/random.ts';
import { readInputs } from './run-pipeline.ts';
import type { ArtistGenresSnapshot, Soundtrack, SoundtrackTrack } from './schemas.ts';
import { loadSoundtracks } from './stages/soundtracks.ts';
import { creditTracks } from './stages/credits.ts';
import { tagGenres } from './stages/genres.ts';
import { runIfMain } from './lib/main.ts';

interface Timing {
  stage: string;
  ms: number;
  rss: number;
}

/** Writes a data folder with `films` films: the 20 real ones first, then synthetic ones. */
export function syntheticCatalogue(films: number, dir: string, seed = 2000): void {
  const real = readInputs('data');
  mkdirSync(join(dir, 'snapshot', 'soundtracks'), { recursive: true });
  cpSync('data/genre-mood-map.json', join(dir, 'genre-mood-map.json'));
  const random = seededRandom(seed);
  const rows: string[][] = [];
  const artists: ArtistGenresSnapshot['artists'] = { ...real.artistGenres.artists };
  // Every real entry as a template: its genre tags (empty when it has none).
  const { soundtracks } = loadSoundtracks(real.films, real.snapshots);
  const tagged = tagGenres(creditTracks(soundtracks, Object.keys(real.artistGenres.artists)).films, real.artistGenres).films.flatMap((f) => f.tracks);
  const counts = soundtracks.map((s) => s.soundtrack.tracks.length);
  const genreSets = new Map<string, string>();
  for (let i = 0; i < films; i++) {
    if (i < real.films.length) {
      const film = real.films[i];
      rows.push([film.title, String(film.year), film.vibeKeywords.join(', '), film.imdbId]);
      const snapshot = real.snapshots.find((s) => s.file.endsWith(`${film.imdbId}.json`))!;
      writeFileSync(join(dir, 'snapshot', 'soundtracks', `${film.imdbId}.json`), snapshot.text);
      continue;
    }
    const imdbId = `tt${String(9000000 + i).padStart(7, '0')}`;
    rows.push([`Synthetic Film ${i}`, String(1970 + randomInt(random, 50)), 'synthetic', imdbId]);
    const n = counts[randomInt(random, counts.length)];
    const tracks: SoundtrackTrack[] = Array.from({ length: n }, (_, t) => {
      const template = tagged[randomInt(random, tagged.length)];
      const performers = [];
      if (template.genres.length || template.performers.length) {
        const key = template.genres.join('|');
        let name = genreSets.get(key);
        if (!name) {
          name = `Synthetic Artist ${genreSets.size + 1}`;
          genreSets.set(key, name);
          artists[name] = { genres: template.genres, source: 'curated', providerId: null };
        }
        performers.push({ name, nameId: null, creditedAs: null });
      }
      return {
        position: t + 1,
        title: `Track ${t + 1}`,
        credits: performers.map((p) => ({ text: `Performed by ${p.name}`, links: [{ text: p.name, nameId: null }] })),
        performers,
        remixers: [],
        writers: [],
        composers: [],
        licensing: [],
        flags: { uncredited: false, creditOnly: false },
        entryId: null,
      };
    });
    const soundtrack: Soundtrack = { imdbId, title: `Synthetic Film ${i}`, source: 'curated', total: n, truncated: false, tracks };
    writeFileSync(join(dir, 'snapshot', 'soundtracks', `${imdbId}.json`), stableJson(soundtrack));
  }
  writeFileSync(join(dir, 'films.csv'), stringify([['Movie Title', 'Year', 'Vibe Keywords', 'IMDb ID'], ...rows], { record_delimiter: '\n' }));
  writeFileSync(join(dir, 'snapshot', 'artist-genres.json'), stableJson({ artists }));
}

function runPipelineProcess(dataDir: string, outDir: string): { wallMs: number; stages: Timing[]; maxRssBytes: number; storyHash: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['scripts/run.mjs', 'pipeline', '--data', dataDir, '--out', outDir, '--timings'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '20,200,2000';
  const sizes = sizesArg.split(',').map(Number);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
  const site = !args.includes('--no-site');
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
    console.log(`  ${'total'.padEnd(12)} ${median.wallMs.toFixed(0).padStart(8)} ${mb(median.maxRssBytes).padStart(10)}  (wall time of the whole process, Node start included; peak RSS)`);
    console.log(`  runs: ${results.map((r) => r.wallMs.toFixed(0)).join(', ')} ms · story.json identical across runs: ${identical ? 'yes' : 'NO'}`);
    const reference = studyReference(join(root, `out-${size}-0`, 'story.json'), runs);
    const ratio = reference ? median.wallMs / reference : null;
    console.log(reference ? `  the study's scikit-learn steps on the same arcs: ${reference.toFixed(0)} ms (median of ${runs}) · ratio ${ratio!.toFixed(2)}\n` : '  the study\'s scikit-learn steps: not timed (needs python3-sklearn)\n');
    summary.push(`| ${size} | ${median.wallMs.toFixed(0)} ms | ${reference ? `${reference.toFixed(0)} ms` : '–'} | ${ratio ? ratio.toFixed(2) : '–'} | ${mb(median.maxRssBytes)} | ${identical ? 'yes' : 'no'} |`);
  }
  console.log('| films | pipeline wall time | study (scikit-learn) | ratio | peak memory | same bytes every run |\n| --- | --- | --- | --- | --- | --- |');
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

runIfMain(import.meta.url, main, (error) => {
  console.error(error);
  return 1;
});
