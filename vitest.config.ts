import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Test files share a process per core instead of a fresh one each (about a second a
    // file, 130 files): none keeps state between files, and each cleans up what it sets
    // (environment variables, temporary folders). The pool reads this once for every project.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    projects: [
      // Every test but the browser tests: each beside the path of what it covers (tests/scripts/stages/arcs.test.ts for scripts/stages/arcs.ts).
      // Two at once: the longest takes seconds, far from the 30 s timeout.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      // The browser tests share one build of each site, made by global-setup.ts for every
      // run that includes one of them (a run of unit tests alone builds nothing).
      // One file at a time: two at once gained nothing and let 30 s timeouts trip, since
      // each waits on Chromium, Astro builds or servers of its own.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
