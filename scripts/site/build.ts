/**
 * The site build (`npm run build`'s second half): `astro build` into a staging folder,
 * swapped into dist/ only when it succeeds. Astro empties its output folder before writing, so building in
 * place would leave a broken essay with no site at all; this way a failed build leaves
 * the previous dist/ exactly as it was. The essay check runs before Astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { checkClaimsFromDisk } from '../../src/editorial/claim-check.ts';
import { checkContent, defaultCheckOptions, formatProblems } from '../../src/editorial/content-check.ts';

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

export function buildSite(outDir: string, env: NodeJS.ProcessEnv = process.env): number {
  const staging = `${outDir}.next`;
  const previous = `${outDir}.previous`;
  rmSync(staging, { recursive: true, force: true });
  // The essay check first: it names the file, line and fix of every mistake at once, where
  // Astro would stop at the first with a programmer's message.
  const problems = checkContent(defaultCheckOptions(env));
  if (problems.length) {
    console.error(`\n${formatProblems(problems)}`);
    console.error(`The site was not built: fix the problems above, then run the build again; ${outDir}/ is unchanged.`);
    return 1;
  }
  console.log(checkClaimsFromDisk(defaultCheckOptions(env)));

  const result = spawnSync('npx', ['astro', 'build', '--outDir', staging], { stdio: 'inherit', env });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nThe site was not built (see the message above); ${outDir}/ is unchanged.`);
    return result.status ?? 1;
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  // Last, where it is seen after Astro's page list.
  const warning = siteUrlWarning(env);
  if (warning) console.warn(`\n${warning}\n`);
  return 0;
}
