import { configDefaults, defineConfig } from 'vitest/config';
import SuiteOrder from './test/support/suite-order.ts';

const infraTests = 'test/infra/**/*.test.ts';

// Every DynamoDB Local the tests start (the shared one, each test runtime's, each `npm start` a test
// runs) lives for seconds to minutes: the client compiler alone and one GC thread spare the two
// cores most of what C2's compiling cost (the story and import files: 58 → 37 CPU-s). Java reads
// this variable itself; `npm start` outside the tests keeps Java's defaults.
process.env.JDK_JAVA_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

export default defineConfig({
  test: {
    setupFiles: ['test/support/quiet-logs.ts'],
    // Vitest's default on two cores is one worker: files would run one after another, mostly waiting
    // on DynamoDB Local, child processes and batching windows. Two overlap those waits; three made
    // the files that start their own JVMs (npm start, the fault tests) contend for the cores.
    maxWorkers: 2,
    sequence: { sequencer: SuiteOrder },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A project's global setup runs only when some of its files are selected.
    projects: [
      {
        extends: true,
        test: {
          name: 'infra',
          include: [infraTests],
          // Its files share one synthesized stack and change no module state; not isolating them loads
          // aws-cdk-lib and that stack once per worker instead of once per file.
          isolate: false,
          // One bundled synthesis of the stack for the whole run, shared by the infra test files.
          globalSetup: ['test/infra/synthesized-stack.global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'service',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, infraTests],
          // One DynamoDB Local for the whole run; each test file makes its own table in it.
          globalSetup: ['test/support/dynamodb-local.global-setup.ts'],
        },
      },
    ],
  },
});
