/**
 * `npm run bench [-- --sizes 20,2000] [--runs 3] [--sample 16] [--no-site]`: at each size
 * (20 is the real data, the others synthetic catalogues) the pipeline alternated with the
 * same method in scikit-learn, time per step on both sides and memory; then the site
 * build at the largest size beside a bare Astro site (scripts/bench/benchmark.ts).
 */
import { parseCommandLine, parseOrExplain, USAGE_EXIT_CODE, wholeNumber } from '../lib/command-line.ts';
import { runIfMain } from '../lib/main.ts';
import { runBenchmark, type BenchOptions } from '../bench/benchmark.ts';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseCommandLine(argv, {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    sample: { type: 'string' },
    'no-site': { type: 'boolean' },
  });
  return {
    sizes: (values.sizes ?? '20,2000').split(',').map((size) => wholeNumber('--sizes', size, 1)),
    runs: wholeNumber('--runs', values.runs ?? '3', 1),
    site: !values['no-site'],
    sample: wholeNumber('--sample', values.sample ?? '16', 1),
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
