import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { systemClock } from '../lambdas/adapters/system-clock.ts';
import { changeDetectionStream } from '../lambdas/contracts/streams.ts';
import { alertEventId, dedupKeys } from '../lambdas/core/alerts/alert-event-id.ts';
import { addDays, isoDate } from '../lambdas/core/time/calendar-date.ts';
import { handlerFor } from '../lambdas/handlers/stream/detect-changes.ts';
import { localLambdaContext } from '../local/lambda-context.ts';
import { readChangeRecords } from '../local/read-change-records.ts';
import type { LocalRuntime } from '../local/runtime.ts';
import { benchMetrics } from './bench-metrics.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

const WRITES = 200;
const METRIC = 'workers.estimated';
const STATES = ['RU', 'CN', 'QA', 'AE', 'KW'] as const;
/** How often the bench looks for the event; bounds the measurement's resolution. */
const PROBE_INTERVAL_MS = 5;
const P50_TARGET_MS = 300;
const P99_TARGET_MS = 600;

const eventExists = async (client: DynamoDBDocumentClient, tableName: string, id: string): Promise<boolean> =>
  (
    await client.send(
      new GetCommand({ TableName: tableName, Key: { PK: `EVENT#${id}`, SK: 'EVENT' }, ProjectionExpression: 'PK' }),
    )
  ).Item !== undefined;

/**
 * Rows: from a `PUT /states/{code}/figures/{metric}` returning to its `figure.changed` event being
 * stored, through the local stream poller (250 ms, like Lambda's ~4 polls a second), p50/p99 over
 * WRITES sequential writes; and the processor's own time per record.
 */
export const figureChangeLatencyRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  const client = createDocumentClient(runtime.dynamoDbEndpoint);
  try {
    const token = await runtime.issueToken('bench-admin', { admin: true });
    const latencies: number[] = [];
    const eventIds: string[] = [];
    for (let index = 0; index < WRITES; index++) {
      const state = STATES[index % STATES.length] ?? 'RU';
      const response = await fetch(`${runtime.apiUrl}/states/${state}/figures/${METRIC}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          value: 1000 + index,
          asOf: addDays(isoDate('2019-01-01'), index),
          source: { kind: 'estimate' },
        }),
      });
      const returned = performance.now();
      const body = (await response.json()) as { figure?: { asOf: string; recordedAt: string } };
      if (response.status !== 200 || !body.figure) throw new Error(`PUT figure answered ${response.status}`);
      const id = alertEventId(
        dedupKeys.figureChanged(state, METRIC, isoDate(body.figure.asOf), body.figure.recordedAt),
      );
      while (!(await eventExists(client, runtime.tableName, id))) await sleep(PROBE_INTERVAL_MS);
      latencies.push(performance.now() - returned);
      eventIds.push(id);
    }

    // The processor's own cost: the same records handed to it again after their events are removed, so each is new work.
    await runtime.streamIdle();
    const records = (await readChangeRecords(runtime.dynamoDbEndpoint, runtime.tableName)).filter(
      (record) => record.dynamodb?.NewImage?.metric?.S === METRIC,
    );
    for (let start = 0; start < eventIds.length; start += 25) {
      const requests = eventIds
        .slice(start, start + 25)
        .map((id) => ({ DeleteRequest: { Key: { PK: `EVENT#${id}`, SK: 'EVENT' } } }));
      await client.send(new BatchWriteCommand({ RequestItems: { [runtime.tableName]: requests } }));
    }
    // The processor, built as the runtime builds it, on the bench's client.
    const handler = handlerFor({
      ...tableStores(client, runtime.tableName),
      clock: systemClock,
      serviceMetrics: benchMetrics,
    });
    const started = performance.now();
    for (let start = 0; start < records.length; start += changeDetectionStream.batchSize) {
      await handler(
        { Records: records.slice(start, start + changeDetectionStream.batchSize) },
        localLambdaContext('detect-changes'),
      );
    }
    const perRecord = (performance.now() - started) / Math.max(1, records.length);

    const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
    const label = `PUT figure → figure.changed stored, local runtime (${count(WRITES)} writes)`;
    return [
      {
        what: `${label}: p50`,
        value: milliseconds(p50),
        target: `<= ${P50_TARGET_MS} ms`,
        baseline: 'stream poll every 250 ms',
        meetsTarget: p50 <= P50_TARGET_MS,
      },
      {
        what: `${label}: p99`,
        value: milliseconds(p99),
        target: `<= ${P99_TARGET_MS} ms`,
        baseline: 'stream poll every 250 ms',
        meetsTarget: p99 <= P99_TARGET_MS,
      },
      {
        what: `change-detection processor: time per record (${count(records.length)} records, batches of ${changeDetectionStream.batchSize})`,
        value: milliseconds(perRecord),
        target: '',
        baseline: '',
      },
    ];
  } finally {
    client.destroy();
  }
};
