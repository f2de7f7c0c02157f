/**
 * One truth for the essay check and the build, by mutation: a few hundred seeded edits an
 * editor could make to copies of the real essays, each checked in-process and, when the
 * check passes it, built by the simulated build (tests/support/build-oracle.ts). For every
 * edit: what the check passes builds without an error, raw markup or an ignored file;
 * what it refuses is reported with file:line:col and a fix. Then a seeded sample of the
 * passed edits is built for real, several edits (on different files) per build, and each
 * page they touch is compared with the same page of the unedited site.
 *
 * ONE_TRUTH_EDITS and ONE_TRUTH_BUILDS ask for more (the defaults keep `npm test` quick).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Story } from '../../scripts/schemas.ts';
import { randomInt, seededRandom } from '../../scripts/lib/random.ts';
import { checkContent } from '../../src/editorial/content-check.ts';
import { rawMarkup } from '../support/build-oracle.ts';
import { editorEdits, type Edit, type Files } from '../support/essay-mutations.ts';
import { judgeEdits, pageOf, readFiles, writeFiles, type Verdict } from '../support/one-truth.ts';
import { buildSiteAsync } from '../support/site.ts';

const SEED = 21;
const EDITS = Number(process.env.ONE_TRUTH_EDITS ?? 300);
const BUILDS = Number(process.env.ONE_TRUTH_BUILDS ?? 1);
// One edit per content file at most: a build of all ten shows whether any of them breaks it.
const EDITS_PER_BUILD = 10;

let root: string;
let storyPath: string;
let story: Story;
let original: Files;
let verdicts: Verdict[] = [];
const built: { edits: Edit[]; broken: string[] }[] = [];

beforeAll(() => {
  mkdirSync(join('.cache', 'test-sites'), { recursive: true });
  root = mkdtempSync(join('.cache', 'test-sites', 'one-truth-'));
  storyPath = inject('testSite').story;
  story = Story.parse(JSON.parse(readFileSync(storyPath, 'utf8')));
  original = readFiles('content');
});

afterAll(() => {
  const caught = verdicts.filter((v) => v.problems.length).length;
  const simulated = verdicts.filter((v) => v.broken).map((v) => v.edit);
  // A real build that fails counts all its edits; one that publishes raw markup, the edits named with it.
  const real = built.flatMap((b) =>
    b.edits.filter((e) => b.broken.some((line) => line.startsWith('the build failed') || line.endsWith(`after ${e.what}`))),
  );
  const broken = new Set([...simulated, ...real]).size;
  const sampled = built.reduce((n, b) => n + b.edits.length, 0);
  console.log(
    `one truth (seed ${SEED}): ${verdicts.length} edits tried, ${caught} caught by the check, ${verdicts.length - caught} passed and built by the simulated build; ` +
      `${built.length} real build${built.length === 1 ? '' : 's'} of ${sampled} passed edits; invariant broken by ${broken} edit${broken === 1 ? '' : 's'} (${simulated.length} in the simulated build, ${real.length} of the sample in the real one)`,
  );
  rmSync(root, { recursive: true, force: true });
});

describe('the essay check and the build', () => {
  it(`agree on every one of ${EDITS} seeded editor-like edits`, async () => {
    verdicts = await judgeEdits(editorEdits(original, EDITS, SEED), original, join(root, 'work'), storyPath, story, checkContent);
    const broken = verdicts.filter((v) => v.broken).map((v) => `[${v.edit.kind}] ${v.edit.file}: ${v.edit.what}: ${v.broken}`);
    expect(broken).toEqual([]);
    // The edits are a mix: most kinds are refused, and some edits are harmless.
    const caught = verdicts.filter((v) => v.problems.length).length;
    expect(caught).toBeGreaterThan(EDITS / 3);
    expect(caught).toBeLessThan(EDITS);
  }, 600_000);

  it(`agree on ${BUILDS} real build${BUILDS === 1 ? '' : 's'} of a seeded sample of the edits the check passes`, async () => {
    const passed = verdicts.filter((v) => !v.problems.length).map((v) => v.edit);
    expect(passed.length).toBeGreaterThan(BUILDS * EDITS_PER_BUILD);
    const baseline = inject('testSite').root;
    // One at a time: Astro writes the list of a build's content files to .astro/ in the
    // project, so two builds of different content folders at once would read each other's.
    const groups = sample(passed, BUILDS);
    for (const [n, edits] of groups.entries()) await realBuild(edits, n, baseline);
    for (const { edits, broken } of built) {
      const what = edits.map((e) => `${e.file}: ${e.what}`);
      expect({ what, broken }).toEqual({ what, broken: [] });
    }
  }, 600_000);
});

async function realBuild(edits: Edit[], n: number, baseline: string): Promise<void> {
  const content = join(root, `content-${n}`);
  writeFiles(
    content,
    edits.reduce((files, edit) => edit.apply(files), original),
  );
  const outDir = join(root, `dist-${n}`);
  const build = await buildSiteAsync({ story: storyPath, content, outDir, cache: join(root, `cache-${n}`) }, join(root, `build-${n}.log`));
  built.push({
    edits,
    broken: build.status !== 0 ? [`the build failed: ${build.output.slice(-2000)}`] : newMarkup(edits, baseline, outDir),
  });
}

/** `builds` groups of edits, each on files no other edit of its group touches, drawn with the seed. */
function sample(passed: Edit[], builds: number): Edit[][] {
  const random = seededRandom(SEED + 1);
  const pool = [...passed];
  const groups: Edit[][] = [];
  for (let b = 0; b < builds; b++) {
    const group: Edit[] = [];
    while (group.length < EDITS_PER_BUILD && pool.length) {
      const [edit] = pool.splice(randomInt(random, pool.length), 1);
      if (!group.some((e) => e.file === edit.file)) group.push(edit);
    }
    groups.push(group);
  }
  return groups;
}

/** Raw markup on the pages the edits touch that the same pages of the unedited site do not have. */
function newMarkup(edits: Edit[], baseline: string, outDir: string): string[] {
  return edits.flatMap((edit) => {
    const page = pageOf(edit.file, story);
    if (!page || !existsSync(join(baseline, page))) return [];
    if (!existsSync(join(outDir, page))) return [`${page} is missing after ${edit.what}`];
    const before = rawMarkup(readFileSync(join(baseline, page), 'utf8'));
    const after = rawMarkup(readFileSync(join(outDir, page), 'utf8'));
    for (const mark of before) {
      const same = after.indexOf(mark);
      if (same >= 0) after.splice(same, 1);
    }
    return after.map((mark) => `${page}: ${JSON.stringify(mark)} after ${edit.what}`);
  });
}
