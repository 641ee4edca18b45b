// @ts-check
/**
 * Mutation testing of the pure core (`npm run mutate`), kept out of `npm test` for its run time.
 * The core's tests need no DynamoDB Local, so Stryker runs them with their own vitest config.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['lambdas/core/**/*.ts', '!lambdas/core/**/*.data.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes, not one per core and more.
  concurrency: 2,
  // Reruns test only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  ignorePatterns: ['cdk.out', 'coverage', 'bench/out', 'test-artifacts', '.local'],
  thresholds: { high: 95, low: 90, break: 95 },
};
