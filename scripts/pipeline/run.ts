/**
 * One whole run: read and validate data/, run the stages, check the invariants and
 * swap data/generated/ in whole (inputs.ts, analyse.ts, outputs.ts, in that order).
 */
import { defaultConfig, type MethodConfig } from '../config.ts';
import type { Story } from '../schemas.ts';
import { analyse, type Log, type StageTiming } from './analyse.ts';
import { dataPaths, readInputs } from './inputs.ts';
import { writeOutputs } from './outputs.ts';
import { formatWarnings } from './warnings.ts';

export interface RunOptions {
  dataDir: string;
  outDir?: string;
  config?: MethodConfig;
  log?: Log;
  /** The analysis key (reuse.ts) to write beside the story, so a later run can reuse it. */
  key?: string | null;
}

export function runPipeline({ dataDir, outDir, config = defaultConfig, log = () => {}, key = null }: RunOptions): {
  story: Story;
  timings: StageTiming[];
} {
  const start = performance.now();
  const readStart = performance.now();
  const inputs = readInputs(dataDir);
  const readMs = performance.now() - readStart;
  log(
    `  ${'films'.padEnd(12)} ${`${inputs.films.length} films, ${Object.keys(inputs.moodMap).length} mapped genres, ${Object.keys(inputs.artistGenres.artists).length} artists`.padEnd(58)} ${readMs.toFixed(0).padStart(6)} ms`,
  );
  const { story, timings, listedTracks } = analyse(inputs, config, log);
  timings.unshift({ stage: 'films', ms: readMs, summary: `${inputs.films.length} films read`, rss: process.memoryUsage().rss });
  const writeStart = performance.now();
  const written = outDir ?? dataPaths(dataDir).generated;
  writeOutputs(story, written, { films: inputs.films.length, listedTracks }, key);
  timings.push({ stage: 'write', ms: performance.now() - writeStart, summary: 'story.json', rss: process.memoryUsage().rss });
  const c = story.coverage;
  const share = (n: number) => `${((100 * n) / Math.max(1, c.entries)).toFixed(1)}%`;
  log(
    `  ${'coverage'.padEnd(12)} ${`${c.entries} entries: performer ${share(c.withPerformer)}, genres ${share(c.withGenres)}, mood ${share(c.withFeatures)}`.padEnd(58)}`,
  );
  log(`  ${'written'.padEnd(12)} ${written.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(6)} ms total`);
  for (const line of formatWarnings(story.warnings)) log(line);
  return { story, timings };
}
