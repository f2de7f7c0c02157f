/**
 * `npm run coverage [-- <data folder>]`: per film and in total, entries listed / with a
 * performer / with genres / with mood features, from the committed snapshot (nothing is
 * written).
 */
import { optionalFolder, parseCommandLine, parseOrExplain, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { analyse } from '../pipeline/analyse.ts';
import { coverageTable } from '../pipeline/coverage.ts';
import { readInputs } from '../pipeline/inputs.ts';

runIfMain(import.meta.url, () => {
  const dataDir = parseOrExplain('coverage', () =>
    optionalFolder(parseCommandLine(process.argv.slice(2), {}, { positionals: true }).positionals, 'data'),
  );
  if (dataDir === null) return USAGE_EXIT_CODE;
  const { story } = analyse(readInputs(dataDir));
  console.log(coverageTable(story));
});
