import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/runtime.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The local runtime `npm start` runs (DynamoDB Local in memory, the API, the stream consumers, the delivery queues,
 * the outbox), in this process, with its identity and outbox in a temporary directory. How waves
 * wait is the test's to choose: a grouping window (the stack's 60 s would make tests slow), or
 * held until `streamIdle({ closeWindow: true })`, so a wave goes out whole however slow the machine.
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
