import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/runtime.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The local runtime `npm start` runs (DynamoDB Local in memory, the API, the stream consumers, the delivery queues,
 * the outbox), in this process, with its identity and outbox in a temporary directory. The
 * grouping window is the test's to choose: the stack's 60 s would make tests slow.
 */
export const startTestRuntime = async (
  name: string,
  groupingWindowMs: number,
  more: Pick<LocalRuntimeOptions, 'sourceFeeds'> = {},
): Promise<{ readonly runtime: LocalRuntime; stop(): Promise<void> }> => {
  const workDirectory = mkdtempSync(join(tmpdir(), `sanctions-watch-${name}-`));
  const runtime = await startLocalRuntime({
    projectRoot,
    port: 0,
    identityDirectory: join(workDirectory, 'identity'),
    outboxFile: join(workDirectory, 'outbox.jsonl'),
    groupingWindowMs,
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
