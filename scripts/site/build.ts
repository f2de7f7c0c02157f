/**
 * The site build (`npm run build`'s second half): `astro build` into a staging folder,
 * swapped into dist/ only when it succeeds. Astro empties its output folder before writing, so building in
 * place would leave a broken essay with no site at all; this way a failed build leaves
 * the previous dist/ exactly as it was. The essay check runs before Astro, and the film
 * pages' social cards are painted beside it (cards.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkClaims, formatClaimWarnings } from '../../src/editorial/claim-check.ts';
import { checkContent, checkedStory, defaultCheckOptions, formatProblems } from '../../src/editorial/content-check.ts';
import { readStory } from '../../src/story/story.ts';
import { paintFilmCards } from './cards.ts';

/** The address astro.config.mjs falls back to when SITE_URL is unset. */
export const PLACEHOLDER_SITE = 'https://example.org';

/**
 * Without SITE_URL the site still builds (tests and previews need no address), but every
 * absolute address in it names a placeholder: say so in plain words, with the fix.
 */
export function siteUrlWarning(env: NodeJS.ProcessEnv): string | null {
  if (env.SITE_URL?.trim()) return null;
  return [
    `warning: SITE_URL is not set, so this build's canonical links, og:url and og:image addresses, sitemap.xml and robots.txt all point at ${PLACEHOLDER_SITE}, not at where the site will live.`,
    `    fix: before publishing, build with the site's address, e.g. SITE_URL=https://you.github.io BASE_PATH=/soundtrack-arcs/ npm run build (README, Deploying).`,
  ].join('\n');
}

export async function buildSite(outDir: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const staging = stagingFolder(outDir);
  const previous = `${outDir}.previous`;
  const cards = `${staging}.cards`;
  for (const folder of [staging, cards]) rmSync(folder, { recursive: true, force: true });
  // The essay check first: it names the file, line and fix of every mistake at once, where
  // Astro would stop at the first with a programmer's message.
  const options = defaultCheckOptions(env);
  const problems = checkContent(options);
  if (problems.length) {
    console.error(`\n${formatProblems(problems)}`);
    console.error(`The site was not built: fix the problems above, then run the build again; ${outDir}/ is unchanged.`);
    return 1;
  }
  // The story as the check read it; the claim check and the cards need it too.
  const story = checkedStory(options.storyPath) ?? readStory(options.storyPath);
  console.log(formatClaimWarnings(checkClaims(options.contentDir, story)));

  // Astro in its own process, its film charts on a thread of their own (src/charts/offload.ts);
  // the cards in this process meanwhile.
  const astro = astroBuild(staging, { ...env, ...chartWorkerEnv() });
  const painted = Promise.resolve()
    .then(() => paintFilmCards(story, cards))
    .then(
      () => null,
      (error: unknown) => error,
    );
  const [status, paintError] = await Promise.all([astro, painted]);
  if (status !== 0 || paintError) {
    for (const folder of [staging, cards]) rmSync(folder, { recursive: true, force: true });
    if (paintError)
      console.error(`\nThe film cards could not be painted: ${paintError instanceof Error ? paintError.message : String(paintError)}`);
    console.error(`\nThe site was not built (see the message above); ${outDir}/ is unchanged.`);
    return status || 1;
  }
  moveCards(cards, staging);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  moveFolder(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  // Last, where it is seen after Astro's page list.
  const warning = siteUrlWarning(env);
  if (warning) console.warn(`\n${warning}\n`);
  return 0;
}

/**
 * Where Astro builds before the site is swapped into `outDir`: beside it when it is inside
 * the working folder, else in .cache/site-build/. Astro builds a site bound outside the
 * working folder through a folder of its own, then copies across what it did not clean up:
 * its content modules (content-modules.mjs, content-assets.mjs, collections/), which are
 * not part of the site and list the essays in no fixed order.
 */
export function stagingFolder(outDir: string, cwd = process.cwd()): string {
  const target = resolve(cwd, outDir);
  if (target.startsWith(cwd + sep)) return `${target}.next`;
  return join(cwd, '.cache', 'site-build', `${basename(target)}.${process.pid}.next`);
}

/** A rename, or a copy where the two folders are on different file systems. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * CHART_WORKER, naming the chart thread's script that scripts/run.mjs bundles beside this
 * command; nothing when run from source, where Astro draws every chart on its own thread.
 */
function chartWorkerEnv(): { CHART_WORKER?: string } {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'chart-worker.mjs');
  return existsSync(script) ? { CHART_WORKER: script } : {};
}

/** Each film's card into its page's folder in the built site: a rename each, where a copy of thousands of files took seconds. */
function moveCards(cards: string, site: string): void {
  const films = join(cards, 'films');
  for (const slug of existsSync(films) ? readdirSync(films) : []) {
    mkdirSync(join(site, 'films', slug), { recursive: true });
    for (const file of readdirSync(join(films, slug))) renameSync(join(films, slug, file), join(site, 'films', slug, file));
  }
  rmSync(cards, { recursive: true, force: true });
}

/** `astro build` into `outDir`, its output shown as it comes; resolves to its exit status. */
function astroBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    // Astro's own script with this Node: npx would take a second to find it.
    const child = spawn(process.execPath, [join('node_modules', 'astro', 'astro.js'), 'build', '--outDir', outDir], {
      stdio: 'inherit',
      env,
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
