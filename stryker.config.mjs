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
  // Vitest strips types without checking them, so Stryker need not add @ts-nocheck to every file
  // (which also made the generated data file differ from what its staleness test expects).
  disableTypeChecks: false,
  // The machine is shared: two test processes, not one per core and more.
  concurrency: 2,
  // Reruns test only the mutants whose code or covering tests changed since the last run. The
  // state file (about 5 MB) is gitignored: every commit would change it and branches would conflict.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  ignorePatterns: ['cdk.out', 'coverage', 'bench/out', 'test-artifacts', '.local'],
  /*
   * Over all of the core the score was 48.9% (4,963 mutants): 1,795 of them are in use cases
   * (delivery, contacts, imports, watch commands) that only the DynamoDB Local tests reach, and
   * those are not run here. The break holds today's level; the seven files the issue named score
   * 98.1%. Raise it as tests are added.
   */
  thresholds: { high: 95, low: 80, break: 48 },
};
