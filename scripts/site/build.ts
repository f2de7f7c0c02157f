/**
 * The site build (`npm run build`'s second half): `astro build` into a staging folder,
 * swapped into dist/ only when it succeeds. Astro empties its output folder before writing, so building in
 * place would leave a broken essay with no site at all; this way a failed build leaves
 * the previous dist/ exactly as it was. The essay check runs before Astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { checkClaimsFromDisk } from '../../src/lib/claim-check.ts';
import { checkContent, defaultCheckOptions, formatProblems } from '../../src/lib/content-check.ts';

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
  return 0;
}

