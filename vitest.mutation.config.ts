import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of lambdas/core: the pure core and property tests.
 * They need no DynamoDB Local, so there is no global setup; the two property files that drive the
 * API through DynamoDB Local are left to `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/property/**/*.test.ts'],
    exclude: ['test/property/api-input.property.test.ts', 'test/property/import-input.property.test.ts'],
    setupFiles: ['test/support/quiet-logs.ts'],
    testTimeout: 30_000,
  },
});
