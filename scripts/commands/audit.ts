/**
 * `npm run audit [-- --no-lighthouse]`: the site's budgets on a fresh build: JavaScript,
 * page weight and, unless told not to, Lighthouse in Debian's Chromium
 * (scripts/site/audit.ts). Exit code 1 if a budget is not met.
 */
import { parseCommandLine, parseOrExplain, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { auditSite } from '../site/audit.ts';

runIfMain(import.meta.url, async () => {
  const parsed = parseOrExplain('audit', () => parseCommandLine(process.argv.slice(2), { 'no-lighthouse': { type: 'boolean' } }));
  if (!parsed) return USAGE_EXIT_CODE;
  return (await auditSite({ withLighthouse: !parsed.values['no-lighthouse'] })) ? 0 : 1;
});
