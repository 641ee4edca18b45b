import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../lambdas/core/figures/figure.ts';
import type { AlertEventStore, StateRecords } from '../../lambdas/core/ports/stores.ts';
import { seedReferenceData } from '../../lambdas/core/reference/seed-reference-data.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { handlerFor } from '../../lambdas/handlers/stream/detect-changes.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { readChangeRecords } from '../../local/read-change-records.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable, type TestTable } from '../support/test-table.ts';

let table: TestTable;
let handler: ReturnType<typeof handlerFor>;
let alerts: AlertEventStore;
let records: StateRecords;

beforeAll(async () => {
  table = await createTestTable();
  const deps = testDependencies(table);
  await seedReferenceData(deps);
  alerts = deps.alertEvents;
  records = deps.stateRecords;
  handler = handlerFor(deps);
});

const permits = (state: string, value: number, asOf: string): Figure => ({
  state,
  metric: 'work-permits.valid',
  value,
  unit: 'permits',
  asOf: isoDate(asOf),
  source: { kind: 'un-report' },
  recordedAt: `${asOf}T12:00:00.000Z`,
});

const streamRecords = () => readChangeRecords(table.endpoint, table.tableName);

const invoke = (batch: DynamoDBRecord[]) => handler({ Records: batch }, localLambdaContext('detect-changes'));

describe('the change-detection stream processor', () => {
  it("turns a batch with one poison record in the middle into the others' events exactly once, failing only the poison", async () => {
    await records.recordFigures([permits('RU', 30023, '2017-12-31')]);
    await records.recordFigures([permits('RU', 11490, '2018-12-31')]);
    await records.recordReport(
      {
        state: 'GQ',
        obligationId: '2397-p8-midterm',
        reportDate: isoDate('2019-06-10'),
        public: true,
        recordedAt: '2019-06-12T00:00:00.000Z',
      },
      [],
    );
    const [first, second, third] = await streamRecords();
    if (!first?.dynamodb || !second || !third) throw new Error('expected three filtered stream records');
    const poison: DynamoDBRecord = {
      ...first,
      eventID: 'poison',
      dynamodb: {
        ...first.dynamodb,
        SequenceNumber: '1',
        NewImage: { ...first.dynamodb.NewImage, value: { S: 'thirty thousand' } },
      },
    };

    const response = await invoke([first, poison, second, third]);
    // Lambda retries from the lowest failed record: the poison and everything after it, again.
    const retried = await invoke([poison, second, third]);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '1' }] });
    expect(retried).toEqual({ batchItemFailures: [{ itemIdentifier: '1' }] });
    const figureEvents = await alerts.list({ state: 'RU', type: 'figure.changed', limit: 10 });
    expect(figureEvents.events.map((event) => event.data)).toMatchObject([
      { first: true, current: { value: 30023 } },
      { previous: { value: 30023 }, current: { value: 11490 }, delta: -18533, deltaPct: -61.7 },
    ]);
    const reportEvents = await alerts.list({ state: 'GQ', type: 'report.received', limit: 10 });
    expect(reportEvents.events).toHaveLength(1);
    expect(reportEvents.events[0]?.data).toMatchObject({ late: true, daysLate: 80, resolvesOverdue: true });
  });

  it('skips, without failing, records it does not handle: removals (TTL expiries too), unknown event names, other item types', async () => {
    const [record] = await streamRecords();
    if (!record?.dynamodb) throw new Error('expected a stream record');
    const ttlExpiry: DynamoDBRecord = {
      ...record,
      eventName: 'REMOVE',
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    };
    const unknownName = { ...record, eventName: 'EXPIRE' } as unknown as DynamoDBRecord;
    const otherType: DynamoDBRecord = {
      ...record,
      dynamodb: { ...record.dynamodb, NewImage: { ...record.dynamodb.NewImage, itemType: { S: 'figure' } } },
    };

    expect(await invoke([ttlExpiry, unknownName, otherType])).toEqual({ batchItemFailures: [] });
  });

  it('emits nothing when the latest figure is rewritten with the same value', async () => {
    await records.recordFigures([{ ...permits('SG', 0, '2019-03-01'), metric: 'workers.remaining', unit: 'persons' }]);
    await records.recordFigures([
      { ...permits('SG', 0, '2019-06-01'), metric: 'workers.remaining', unit: 'persons', note: 'still none' },
    ]);

    const batch = (await streamRecords()).filter((record) => record.dynamodb?.Keys?.PK?.S === 'STATE#SG');
    expect(batch).toHaveLength(2);
    await invoke(batch);

    const events = await alerts.list({ state: 'SG', type: 'figure.changed', limit: 10 });
    expect(events.events.map((event) => event.data.first)).toEqual([true]);
  });
});
