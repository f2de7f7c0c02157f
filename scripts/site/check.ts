/**
 * The essay check on its own (`npm run check`): every problem in content/ at once, each
 * as `file:line:col  what is wrong` and a line saying how to fix it. CONTENT_DIR and
 * STORY_PATH point it elsewhere, as they do the build.
 */
import { checkClaimsFromDisk } from '../../src/editorial/claim-check.ts';
import { checkContent, defaultCheckOptions, formatProblems } from '../../src/editorial/content-check.ts';

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
