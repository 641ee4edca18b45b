import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { handlerFor as scheduledDelivery } from '../../lambdas/handlers/scheduled-delivery.ts';
import { handlerFor as dispatchAlerts } from '../../lambdas/handlers/stream/dispatch-alerts.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { scheduledEvent } from '../../local/local-schedule.ts';
import { type OutboxEntry, readOutbox } from '../../local/outbox/outbox-notifier.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';
import { russiaWorkPermits, watch } from '../support/watch-fixtures.ts';

let deps: ReturnType<typeof testDependencies>;
let dispatch: ReturnType<typeof dispatchAlerts>;
let scheduled: ReturnType<typeof scheduledDelivery>;

beforeAll(async () => {
  deps = testDependencies(await createTestTable());
  const address = await deps.outbox.subscribeEmail('ana@example.org');
  const at = '2019-03-01T00:00:00.000Z';
  await deps.contacts.put({
    id: 'email:ana@example.org',
    channel: 'email',
    to: 'ana@example.org',
    state: 'confirmed',
    address,
    requestedAt: at,
    updatedAt: at,
  });
  await deps.watches.create(watch({ id: 'w-ru', events: ['figure.changed'] }), 100);
  dispatch = dispatchAlerts(deps);
  scheduled = scheduledDelivery(deps);
});

/** A stream record of a stored alert event, as the filtered event source mapping delivers it. */
const insertRecord = (
  event: AlertEvent,
  sequenceNumber: string,
  image: Record<string, unknown> = { PK: `EVENT#${event.id}`, SK: 'EVENT', itemType: 'alert-event', ...event },
): DynamoDBRecord => ({
  eventID: `record-${sequenceNumber}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: {
    SequenceNumber: sequenceNumber,
    Keys: marshall({ PK: `EVENT#${event.id}`, SK: 'EVENT' }) as never,
    NewImage: marshall(image, { removeUndefinedValues: true }) as never,
  },
});

const alerts = (): OutboxEntry[] => readOutbox(deps.outboxFile).filter(({ eventIds }) => eventIds.length > 0);

describe('the dispatcher handler', () => {
  it('delivers the readable records once and fails only the unreadable one, by its sequence number', async () => {
    const poison = insertRecord(russiaWorkPermits, '200', {
      PK: 'EVENT#x',
      SK: 'EVENT',
      itemType: 'alert-event',
      id: 'x',
      type: 'figure.moved',
    });
    const batch = [insertRecord(russiaWorkPermits, '100'), poison];
    expect(await dispatch({ Records: batch }, localLambdaContext('dispatch-alerts'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '200' }],
    });
    expect(await dispatch({ Records: batch }, localLambdaContext('dispatch-alerts'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '200' }],
    });
    expect(alerts().map(({ to, eventIds }) => ({ to, eventIds }))).toEqual([
      { to: 'ana@example.org', eventIds: [russiaWorkPermits.id] },
    ]);
  });
});

describe('the hourly delivery job', () => {
  it("runs as of the schedule's time and says what it did", async () => {
    const outcome = await scheduled(
      scheduledEvent(new Date('2019-03-30T08:00:00Z')),
      localLambdaContext('scheduled-delivery'),
    );
    expect(outcome).toEqual({
      at: '2019-03-30T08:00:00.000Z',
      subscriptions: { checked: 1, confirmed: 0, gone: 0 },
      repeats: 0,
      digests: 0,
    });
  });

  it('refuses an event without a usable time rather than delivering as of another', async () => {
    const event = { ...scheduledEvent(new Date()), time: 'yesterday' };
    await expect(scheduled(event, localLambdaContext('scheduled-delivery'))).rejects.toThrow(/no valid "time"/);
  });
});
