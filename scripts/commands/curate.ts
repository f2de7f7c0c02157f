/**
 * `npm run curate [-- <data folder>]`: rebuilds the curated snapshot from the research
 * records in data/sources/ (scripts/snapshot/curate.ts); exit code 1 if a record
 * disagrees with its credit lines.
 */
import { optionalFolder, parseCommandLine, parseOrExplain, USAGE_EXIT_CODE } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { runCurate } from '../snapshot/curate.ts';

runIfMain(
  import.meta.url,
  () => {
    const dataDir = parseOrExplain('curate', () =>
      optionalFolder(parseCommandLine(process.argv.slice(2), {}, { positionals: true }).positionals, 'data'),
    );
    if (dataDir === null) return USAGE_EXIT_CODE;
    runCurate(dataDir);
  },
  (error) => {
    console.error(`curate stopped: ${(error as Error).message}`);
    return 1;
  },
);
