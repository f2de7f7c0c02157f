/**
 * `npm run bench [-- --sizes 20,200,2000] [--runs 3] [--no-site]`: the pipeline at each
 * size (20 is the real data, the others synthetic catalogues), time and memory per stage,
 * then the site build at the largest size (scripts/bench/benchmark.ts).
 */
import { parseCommandLine, parseOrExplain, USAGE_EXIT_CODE, wholeNumber } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { runBenchmark, type BenchOptions } from '../bench/benchmark.ts';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseCommandLine(argv, { sizes: { type: 'string' }, runs: { type: 'string' }, 'no-site': { type: 'boolean' } });
  return {
    sizes: (values.sizes ?? '20,200,2000').split(',').map((size) => wholeNumber('--sizes', size, 1)),
    runs: wholeNumber('--runs', values.runs ?? '3', 1),
    site: !values['no-site'],
  };
}

runIfMain(
  import.meta.url,
  async () => {
    const options = parseOrExplain('bench', () => parseBenchOptions(process.argv.slice(2)));
    if (!options) return USAGE_EXIT_CODE;
    await runBenchmark(options);
  },
  (error) => {
    console.error(error);
    return 1;
  },
);
