import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALERT_EVENTS_TOPIC_ARN_ENV } from '../../lambdas/contracts/environment.ts';
import { alertEventPublishStream } from '../../lambdas/contracts/streams.ts';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import type { AlertEventPublisher } from '../../lambdas/core/ports/alert-event-publisher.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { handler, handlerFor } from '../../lambdas/handlers/stream/publish-alert-events.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { readAlertEventFeed } from '../../local/outbox/alert-event-outbox.ts';
import { type StreamPoller, startStreamPoller } from '../../local/stream-poller.ts';
import { alertEventInsertRecord } from '../support/alert-event-records.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable, type TestTable } from '../support/test-table.ts';
import { qatarOverdue, russiaWorkPermits } from '../support/watch-fixtures.ts';

/** A publisher port that keeps what it was given and fails the ids it is told to. */
const recordingPublisher = (failing: readonly string[] = []) => {
  const batches: AlertEvent[][] = [];
  const publisher: AlertEventPublisher = {
    publish: (events) => {
      batches.push([...events]);
      return Promise.resolve({ failedIds: events.map(({ id }) => id).filter((id) => failing.includes(id)) });
    },
  };
  return { publisher, batches };
};

const invoke = (publisher: AlertEventPublisher, event: DynamoDBStreamEvent) =>
  handlerFor({ alertEventPublisher: publisher })(event, localLambdaContext('publish-alert-events'));

describe('the alert-event publisher handler', () => {
  it('publishes the events of the batch together, as stored', async () => {
    const { publisher, batches } = recordingPublisher();

    const response = await invoke(publisher, {
      Records: [alertEventInsertRecord(russiaWorkPermits, '100'), alertEventInsertRecord(qatarOverdue, '200')],
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(batches).toEqual([[russiaWorkPermits, qatarOverdue]]);
  });

  it('reports the events the publisher could not take by their sequence numbers', async () => {
    const { publisher } = recordingPublisher([qatarOverdue.id]);

    const response = await invoke(publisher, {
      Records: [alertEventInsertRecord(russiaWorkPermits, '100'), alertEventInsertRecord(qatarOverdue, '200')],
    });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }] });
  });

  it('publishes the readable records and fails the unreadable one, which never reaches the publisher', async () => {
    const { publisher, batches } = recordingPublisher();
    const poison = alertEventInsertRecord(russiaWorkPermits, '150', {
      PK: 'EVENT#x',
      SK: 'EVENT',
      itemType: 'alert-event',
      id: 'x',
      type: 'figure.moved',
    });

    const response = await invoke(publisher, {
      Records: [alertEventInsertRecord(russiaWorkPermits, '100'), poison, alertEventInsertRecord(qatarOverdue, '200')],
    });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '150' }] });
    expect(batches).toEqual([[russiaWorkPermits, qatarOverdue]]);
  });

  it('calls the publisher not at all for a batch of nothing but poison', async () => {
    const { publisher, batches } = recordingPublisher();
    const withoutImage = { ...alertEventInsertRecord(qatarOverdue, '300'), dynamodb: { SequenceNumber: '300' } };

    expect(await invoke(publisher, { Records: [withoutImage] })).toEqual({
      batchItemFailures: [{ itemIdentifier: '300' }],
    });
    expect(batches).toEqual([]);
  });

  it('fails the whole batch when the publisher throws, so Lambda retries and bisects it', async () => {
    const publisher: AlertEventPublisher = { publish: () => Promise.reject(new Error('SNS client misbuilt')) };

    await expect(invoke(publisher, { Records: [alertEventInsertRecord(qatarOverdue, '100')] })).rejects.toThrow(
      'SNS client misbuilt',
    );
  });
});

describe('the deployed handler', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('fails its first invocation, naming the setting, when the stack left out the topic', async () => {
    vi.stubEnv(ALERT_EVENTS_TOPIC_ARN_ENV, '');

    await expect(
      handler({ Records: [alertEventInsertRecord(qatarOverdue, '100')] }, localLambdaContext('publish-alert-events')),
    ).rejects.toThrow(ALERT_EVENTS_TOPIC_ARN_ENV);
  });
});

describe('the machine feed on a real DynamoDB Local stream, polled as its event source mapping is', () => {
  let table: TestTable;
  let deps: ReturnType<typeof testDependencies>;
  let poller: StreamPoller;

  beforeAll(async () => {
    table = await createTestTable();
    deps = testDependencies(table);
    poller = await startStreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      settings: alertEventPublishStream,
      pollIntervalMs: 20,
      handler: handlerFor(deps),
      onFailure: (failure) => {
        throw new Error(`unexpected stream failure: ${failure.reason}`);
      },
    });
  });
  afterAll(() => poller.stop());

  it('writes each stored alert event once to the local feed with its attributes, and nothing else of the table', async () => {
    await deps.alertEvents.putIfAbsent({ ...russiaWorkPermits, waveId: 'test' });
    await deps.alertEvents.putIfAbsent({ ...qatarOverdue, waveId: 'test' });
    // Stored again: the same fact is not a new event, and the stream sees no insert.
    await deps.alertEvents.putIfAbsent({ ...qatarOverdue, waveId: 'test' });
    await deps.stateRecords.recordFigures([
      {
        state: 'RU',
        metric: 'work-permits.valid',
        value: 11_490,
        unit: 'permits',
        asOf: isoDate('2018-12-31'),
        source: { kind: 'un-report' },
        recordedAt: '2019-03-25T10:00:00.000Z',
      },
    ]);
    await poller.idle();

    const feed = readAlertEventFeed(deps.alertEventsFile);
    expect(feed.map(({ body, attributes }) => ({ id: body.id, attributes }))).toEqual([
      { id: russiaWorkPermits.id, attributes: { type: 'figure.changed', state: 'RU', metric: 'work-permits.valid' } },
      { id: qatarOverdue.id, attributes: { type: 'report.overdue', state: 'QA', obligation: '2397-p8-midterm' } },
    ]);
    expect(feed[1]?.body).toEqual({
      version: 1,
      id: qatarOverdue.id,
      type: 'report.overdue',
      at: '2019-03-23T06:00:00.000Z',
      state: 'QA',
      obligationId: '2397-p8-midterm',
      data: qatarOverdue.data,
    });
    expect(Date.parse(feed[0]?.publishedAt ?? '')).not.toBeNaN();
  });
});
