import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file makes its own table in it.
    globalSetup: ['test/support/dynamodb-local.global-setup.ts'],
    setupFiles: ['test/support/quiet-logs.ts'],
    // Vitest's default on two cores is one worker: files would run one after another, mostly waiting
    // on DynamoDB Local, child processes and batching windows. Two overlap those waits; three made
    // the files that start their own JVMs (npm start, the fault tests) contend for the cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
