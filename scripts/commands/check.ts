/**
 * `npm run check`: the essay check alone (scripts/site/check.ts). Every problem in
 * content/ at once, each with its file, line and fix; exit code 1 if any.
 */
import { parseCommandLine, parseOrExplain, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { runCheck } from '../site/check.ts';

runIfMain(import.meta.url, () => {
  if (!parseOrExplain('check', () => parseCommandLine(process.argv.slice(2), {}))) return USAGE_EXIT_CODE;
  return runCheck() ? 1 : 0;
});
