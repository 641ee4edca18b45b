import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/runtime.ts';
import { workerDynamoDbEndpoint } from './test-table.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The local runtime `npm start` runs (the API, the stream consumers, the delivery queues, the
 * outbox), in this process, with its identity and outbox in a temporary directory and its own table
 * in this worker's DynamoDB Local, which is warm: with a JVM of its own to start each, the four files
 * that use this took 57 s instead of 34 s (7 December 2026) on the two cores the suite shares.
 * How waves wait is the test's to choose: a grouping window (the stack's 60 s would make tests
 * slow), or held until `streamIdle({ closeWindow: true })`, so a wave goes out whole however slow
 * the machine.
 */
export const startTestRuntime = async (
  name: string,
  waves: Pick<LocalRuntimeOptions, 'groupingWindowMs'> | { readonly holdWavesUntilIdle: true },
  more: Pick<LocalRuntimeOptions, 'sourceFeeds'> = {},
): Promise<{ readonly runtime: LocalRuntime; stop(): Promise<void> }> => {
  const workDirectory = mkdtempSync(join(tmpdir(), `sanctions-watch-${name}-`));
  const runtime = await startLocalRuntime({
    projectRoot,
    port: 0,
    dynamoDbEndpoint: workerDynamoDbEndpoint(),
    tableName: `${name}-${randomUUID()}`,
    identityDirectory: join(workDirectory, 'identity'),
    outboxFile: join(workDirectory, 'outbox.jsonl'),
    ...waves,
    ...more,
  });
  return {
    runtime,
    stop: async () => {
      await runtime.stop();
      rmSync(workDirectory, { recursive: true, force: true });
    },
  };
};
