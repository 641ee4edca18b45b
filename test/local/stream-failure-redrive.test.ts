import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableStores } from '../../lambdas/adapters/dynamodb/table-stores.ts';
import { alertEventPublishStream } from '../../lambdas/contracts/streams.ts';
import { streamHandlers } from '../../local/handler-registry.ts';
import { createOutboxAlertEventPublisher, readAlertEventFeed } from '../../local/outbox/alert-event-outbox.ts';
import { startStreamConsumer } from '../../local/stream-consumer.ts';
import { redriveStreamFailures } from '../../local/stream-failure-redrive.ts';
import { createTestTable, type TestTable } from '../support/test-table.ts';
import { russiaWorkPermits } from '../support/watch-fixtures.ts';

/**
 * A batch the local stream consumer gave up on, as its poller writes it to the failure file, is
 * replayed by redrive through the same consumer once the cause is fixed.
 */
let table: TestTable;
let directory: string;
beforeAll(async () => {
  table = await createTestTable();
  directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-stream-failures-'));
});
afterAll(() => table.documentClient.destroy());

const event = { ...russiaWorkPermits, waveId: 'changes:2019-03-25T10:00:00.000Z' };

describe('redriving the local stream consumers’ failure file', () => {
  it('replays the batch the machine feed gave up on (SNS down) once it is back, and only once', async () => {
    const failureFile = join(directory, 'stream-failures.jsonl');
    const alertEventsFile = join(directory, 'alert-events.jsonl');
    const stores = tableStores(table.documentClient, table.tableName);
    const consumer = await startStreamConsumer({
      handler: () => Promise.reject(new Error('SNS is down')),
      // One attempt, no bisecting: the batch goes to the failure file at once.
      settings: { ...alertEventPublishStream, retryAttempts: 0, bisectBatchOnError: false },
      functionName: 'publish-alert-events',
      endpoint: table.endpoint,
      tableName: table.tableName,
      checkpointFile: undefined,
      failureFile,
    });
    try {
      await stores.alertEvents.putIfAbsent(event);
      await consumer.idle();
    } finally {
      await consumer.stop();
    }
    expect(JSON.parse(readFileSync(failureFile, 'utf8'))).toMatchObject({
      function: 'publish-alert-events',
      reason: 'RetryAttemptsExhausted',
      error: 'Error: SNS is down',
    });

    const handlers = streamHandlers({
      ...stores,
      clock: { now: () => new Date('2019-03-25T11:00:00.000Z') },
      serviceMetrics: { record: () => undefined },
      announcer: { announce: () => Promise.resolve() },
      alertEventPublisher: createOutboxAlertEventPublisher({
        file: alertEventsFile,
        now: () => new Date('2019-03-25T11:00:00.000Z'),
        print: () => undefined,
      }),
    });
    const now = new Date('2019-03-25T11:00:00.000Z');
    const first = await redriveStreamFailures(failureFile, handlers, { dryRun: false, now });
    const second = await redriveStreamFailures(failureFile, handlers, { dryRun: false, now });

    expect(first).toEqual(new Map([['publish-alert-events', 1]]));
    expect(second).toEqual(new Map());
    expect(readAlertEventFeed(alertEventsFile).map(({ body }) => body.id)).toEqual([event.id]);
  });
});
