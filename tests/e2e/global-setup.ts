/**
 * Once per run of the browser tests: the pipeline on data/, then the site at "/" and under
 * SUBPATH, both from the sources as they are now, into TEST_SITE_DIR (emptied first, so no
 * file of an earlier run survives). Build logs go to files beside the sites and are shown
 * only when a build fails.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runPipeline } from '../../scripts/pipeline/run.ts';
import { buildSiteAsync, SUBPATH, TEST_SITE_DIR, type TestSite } from '../support/site.ts';

export default async function setup(project: TestProject): Promise<void> {
  rmSync(TEST_SITE_DIR, { recursive: true, force: true });
  mkdirSync(TEST_SITE_DIR, { recursive: true });
  const generated = join(TEST_SITE_DIR, 'generated');
  runPipeline({ dataDir: 'data', outDir: generated });
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
