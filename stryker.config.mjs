// @ts-check
/**
 * Mutation testing of the rules in `src/core` (`npm run mutation`; see docs/testing.md).
 * Run one file with `npm run mutation -- --mutate src/core/phone.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  plugins: ['@stryker-mutator/*', './scripts/stryker-exhaustive-ignorer.mjs'],
  ignorers: ['exhaustive-switch-default'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/core/**/*.ts',
    '!src/core/**/index.ts',
    '!src/core/types.ts',
    '!src/core/template/types.ts',
  ],
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // `npm run mutation` fails when the score falls below 90% (issue #22 asks 90% in every file, 95% overall).
  thresholds: { high: 95, low: 90, break: 90 },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
