// The linter: JavaScript's and TypeScript's recommended rules for the pipeline, the site and
// the tests, and Astro's for its components and pages. Layout is Prettier's job, not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', '.cache/', 'node_modules/', 'data/', 'public/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    // The optional inline scripts ship as written, with no bundler, in the ES5 every browser runs.
    files: ['**/*.astro/*'],
    rules: { 'no-var': 'off' },
  },
  {
    // Astro writes this file for its own types.
    files: ['src/env.d.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    rules: {
      // A name starting with an underscore is unused on purpose (a required parameter's place).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
