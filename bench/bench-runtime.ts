import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../lib/lambda-bundling.ts';
import { type LocalRuntime, startLocalRuntime } from '../local/runtime.ts';

/**
 * One local runtime (DynamoDB Local in memory, the API, change detection) for every row that
 * measures it, its handlers sharing one DynamoDB client as a warm Lambda keeps one. Stopped and
 * cleaned up whatever `use` does.
 */
export const withBenchRuntime = async <T>(use: (runtime: LocalRuntime) => Promise<T>): Promise<T> => {
  const identityDirectory = await mkdtemp(join(tmpdir(), 'sanctions-watch-bench-identity-'));
  let runtime: LocalRuntime | undefined;
  try {
    // No row measures the dispatcher here (the dispatcher section does), and streamIdle waits out its grouping window.
    runtime = await startLocalRuntime({ projectRoot, port: 0, identityDirectory, groupingWindowMs: 1000 });
    return await use(runtime);
  } finally {
    await runtime?.stop();
    await rm(identityDirectory, { recursive: true, force: true });
  }
};
