/**
 * `npm run build`'s second half: the essay check, then `astro build` with the film cards
 * painted beside it, swapped into the output folder only when it succeeds (scripts/site/build.ts).
 *
 *   node scripts/run.mjs build-site [--out dist]
 */
import { parseCommandLine, parseOrExplain, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { buildSite } from '../site/build.ts';

runIfMain(import.meta.url, async () => {
  const parsed = parseOrExplain('build-site', () => parseCommandLine(process.argv.slice(2), { out: { type: 'string' } }));
  if (!parsed) return USAGE_EXIT_CODE;
  return buildSite(parsed.values.out ?? 'dist');
});
