import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    projects: [
      // Every test but the browser tests: each beside the path of what it covers (tests/scripts/stages/arcs.test.ts for scripts/stages/arcs.ts).
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      // The browser tests share one build of each site, made by global-setup.ts for every
      // run that includes one of them (a run of unit tests alone builds nothing).
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'] } },
    ],
  },
});
