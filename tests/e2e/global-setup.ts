/**
 * Once per run of the browser tests: the story of data/, then the site at "/" and under
 * SUBPATH, both from the sources as they are now, into TEST_SITE_DIR (emptied first, so no
 * file of an earlier run survives). Build logs go to files beside the sites and are shown
 * only when a build fails.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultConfig } from '../../scripts/config.ts';
import { analysisKey, codeVersion, KEY_FILE, storyIsCurrent } from '../../scripts/pipeline/reuse.ts';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { buildSiteAsync, SUBPATH, TEST_SITE_DIR, type TestSite } from '../support/site.ts';

export default async function setup(project: TestProject): Promise<void> {
  rmSync(TEST_SITE_DIR, { recursive: true, force: true });
  mkdirSync(TEST_SITE_DIR, { recursive: true });
  const generated = join(TEST_SITE_DIR, 'generated');
  storyOfTheSources(generated);
  const site: TestSite = {
    story: join(generated, 'story.json'),
    root: join(TEST_SITE_DIR, 'root'),
    subpath: join(TEST_SITE_DIR, 'subpath'),
  };
  const builds = await Promise.all(
    (
      [
        ['root', site.root, '/'],
        ['subpath', site.subpath, SUBPATH],
      ] as const
    ).map(async ([name, outDir, basePath]) => {
      const log = join(TEST_SITE_DIR, `${name}.log`);
      const result = await buildSiteAsync(
        { story: site.story, content: 'content', outDir, cache: join(TEST_SITE_DIR, `astro-cache-${name}`), basePath },
        log,
      );
      return { name, log, ...result };
    }),
  );
  const failed = builds.filter((b) => b.status !== 0);
  if (failed.length) {
    throw new Error(
      failed.map((b) => `The ${b.name} site did not build (exit ${b.status}); its log, also in ${b.log}:\n${b.output}`).join('\n\n'),
    );
  }
  project.provide('testSite', site);
}

/**
 * The story the current sources make of data/, in outDir: the one in data/generated/ when
 * its key says it was written from these very data, settings and code (as after `npm run
 * build`, which CI runs first), else a fresh run of the pipeline. The key is the one the
 * pipeline command itself trusts to skip the analysis (scripts/pipeline/reuse.ts).
 */
function storyOfTheSources(outDir: string): void {
  const written = join('data', 'generated');
  const key = analysisKey('data', defaultConfig, codeVersion(process.cwd()));
  if (storyIsCurrent(written, key)) {
    mkdirSync(outDir, { recursive: true });
    for (const file of ['story.json', KEY_FILE]) copyFileSync(join(written, file), join(outDir, file));
  } else {
    runPipeline({ dataDir: 'data', outDir, key });
  }
}
