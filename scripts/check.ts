/**
 * `npm run check`: the essay check alone. Every problem in content/ at once, each as
 * `file:line:col  what is wrong` and a line saying how to fix it; exit code 1 if any.
 * CONTENT_DIR and STORY_PATH point it elsewhere, as they do the build.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkClaimsFromDisk } from '../src/lib/claim-check.ts';
import { checkContent, defaultCheckOptions, formatProblems } from '../src/lib/content-check.ts';

/** Prints the problems (or one line saying there are none); returns how many there were. */
export function runCheck(env: NodeJS.ProcessEnv = process.env, out: (text: string) => void = console.error): number {
  const problems = checkContent(defaultCheckOptions(env));
  if (problems.length) out(`\n${formatProblems(problems)}`);
  else {
    out('essay check: every file in content/ reads cleanly');
    out(checkClaimsFromDisk(defaultCheckOptions(env)));
  }
  return problems.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(runCheck() ? 1 : 0);
}
