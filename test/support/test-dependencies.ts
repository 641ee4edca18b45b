import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_DAILY_CAPS } from '../../lambdas/adapters/delivery-settings.ts';
import { localClientConfig } from '../../local/local-credentials.ts';
import { localDependencies } from '../../local/local-dependencies.ts';
import { fileFailureSink } from '../../local/outbox/file-failure-sink.ts';
import type { TestTable } from './test-table.ts';

/**
 * Handler tests run no queues: a handler that sends to one fails loudly (nothing listens on port
 * 9). The pipeline's tests use test/support/pipeline-harness.ts or the local runtime.
 */
const noQueues = {
  client: new SQSClient({ endpoint: 'http://127.0.0.1:9', ...localClientConfig, maxAttempts: 1 }),
  queueUrl: (name: string) => `http://127.0.0.1:9/000000000000/${name}`,
};

/**
 * The tests' composition root: what the local runtime hands its handlers (the outbox for SNS, a
 * file for the failures queue), on the test's own table, with the outbox in a temporary directory
 * and the default daily caps. Tests pass it to a handler's `handlerFor`, or to the local API's
 * registry. Once per table: it counts the table's client's requests.
 */
export const testDependencies = (table: TestTable, apiUrl = 'http://localhost:3000') => {
  const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-outbox-'));
  const outboxFile = join(directory, 'outbox.jsonl');
  const failuresFile = join(directory, 'failures.jsonl');
  const alertEventsFile = join(directory, 'alert-events.jsonl');
  const metricsFile = join(directory, 'metrics.jsonl');
  return {
    outboxFile,
    failuresFile,
    alertEventsFile,
    metricsFile,
    ...localDependencies({
      client: table.documentClient,
      tableName: table.tableName,
      apiUrl,
      outboxFile,
      failures: fileFailureSink(failuresFile),
      alertEventsFile,
      metricsFile,
      dailyCaps: DEFAULT_DAILY_CAPS,
      queues: noQueues,
    }),
  };
};
