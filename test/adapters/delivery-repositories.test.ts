import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactPartition } from '../../lambdas/adapters/dynamodb/contact-key.ts';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoDailySendCounter } from '../../lambdas/adapters/dynamodb/daily-send-counter.ts';
import { DynamoDeliveryLog } from '../../lambdas/adapters/dynamodb/delivery-log-repository.ts';
import { DynamoDigestQueue } from '../../lambdas/adapters/dynamodb/digest-queue-repository.ts';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import type { DeliveryLogEntry } from '../../lambdas/core/delivery/delivery-records.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { createTestTable } from '../support/test-table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
});

const entry = (fields: Partial<DeliveryLogEntry>): DeliveryLogEntry => ({
  at: '2019-03-23T06:00:00.000Z',
  contact: 'email:ana@example.org',
  channel: 'email',
  kind: 'alert',
  status: 'sent',
  watchIds: ['w-1'],
  eventIds: ['e-1'],
  summary: 'Nigeria overdue',
  ...fields,
});

/** Which of the contact's events the log has recorded for it, in the order asked. */
const recordedOf = async (log: DynamoDeliveryLog, contact: string, eventIds: readonly string[]) => {
  const recorded = await log.recorded([{ contact, eventIds }]);
  return eventIds.filter((eventId) => recorded(contact, eventId));
};

describe('delivery log on DynamoDB Local', () => {
  it('records each (contact, event) once: a later record of the same event keeps the first', async () => {
    const log = new DynamoDeliveryLog(table.documentClient, table.tableName);
    await log.record(entry({ eventIds: ['a', 'b'], messageId: 'm-1' }));
    await log.record(entry({ eventIds: ['b', 'c'], status: 'capped', at: '2019-03-23T07:00:00.000Z' }));
    expect(await recordedOf(log, 'email:ana@example.org', ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c']);
    const { Item } = await table.documentClient.send(
      new GetCommand({
        TableName: table.tableName,
        Key: { PK: contactPartition('email:ana@example.org'), SK: 'DELIVERY#b' },
      }),
    );
    expect(Item).toMatchObject({ status: 'sent', messageId: 'm-1' });
    expect(await recordedOf(log, 'email:bo@example.org', ['a'])).toEqual([]);
  });

  it('records a message about 250 events (more than one transaction holds)', async () => {
    const log = new DynamoDeliveryLog(table.documentClient, table.tableName);
    const eventIds = Array.from({ length: 250 }, (_, index) => `many-${index}`);
    await log.record(entry({ contact: 'email:many@example.org', eventIds }));
    expect(await recordedOf(log, 'email:many@example.org', eventIds)).toHaveLength(250);
  });

  it("reads what many contacts were told in one call, each contact's events apart from the others'", async () => {
    const log = new DynamoDeliveryLog(table.documentClient, table.tableName);
    const contacts = Array.from({ length: 60 }, (_, index) => `email:reader-${index}@example.org`);
    for (const [index, contact] of contacts.entries())
      await log.record(entry({ contact, eventIds: [`told-${index}`] }));
    const recorded = await log.recorded(
      contacts.map((contact, index) => ({ contact, eventIds: [`told-${index}`, `told-${index + 1}`] })),
    );
    expect(
      contacts.map((contact, index) => [recorded(contact, `told-${index}`), recorded(contact, `told-${index + 1}`)]),
    ).toEqual(contacts.map(() => [true, false]));
  });

  it('puts a message in the log of every watch it was for, more than one batch write holds', async () => {
    const log = new DynamoDeliveryLog(table.documentClient, table.tableName);
    const watchIds = Array.from({ length: 30 }, (_, index) => `w-each-${index}`);
    await log.record(entry({ contact: 'email:each@example.org', watchIds, eventIds: ['each-1'] }));
    const logs = await Promise.all(watchIds.map((watchId) => log.listForWatch(watchId, { limit: 5 })));
    expect(logs.map(({ entries }) => entries.map(({ contact, eventIds }) => `${contact} ${eventIds.join()}`))).toEqual(
      watchIds.map(() => ['email:each@example.org each-1']),
    );
  });

  it("lists a watch's log newest first, page by page", async () => {
    const log = new DynamoDeliveryLog(table.documentClient, table.tableName);
    for (let hour = 10; hour < 15; hour += 1)
      await log.record(entry({ watchIds: ['w-paged'], eventIds: [`p-${hour}`], at: `2019-03-23T${hour}:00:00.000Z` }));
    const first = await log.listForWatch('w-paged', { limit: 2 });
    expect(first.entries.map(({ at }) => at.slice(11, 13))).toEqual(['14', '13']);
    const second = await log.listForWatch('w-paged', { limit: 2, after: first.next });
    expect(second.entries.map(({ at }) => at.slice(11, 13))).toEqual(['12', '11']);
  });
});

describe('daily send counter on DynamoDB Local', () => {
  it('lets exactly `cap` of many concurrent sends through, per contact and day, and gives back a released one', async () => {
    const counter = new DynamoDailySendCounter(table.documentClient, table.tableName);
    const day = isoDate('2019-03-23');
    const taken = await Promise.all(Array.from({ length: 25 }, () => counter.take('sms:+447700900123', day, 10)));
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(await counter.take('sms:+447700900123', isoDate('2019-03-24'), 10)).toBe(true);
    await counter.release('sms:+447700900123', day);
    expect(await counter.take('sms:+447700900123', day, 10)).toBe(true);
    expect(await counter.take('sms:+447700900123', day, 10)).toBe(false);
  });
});

describe('contacts on DynamoDB Local', () => {
  const pending: Contact = {
    id: 'email:cy@example.org',
    channel: 'email',
    to: 'cy@example.org',
    state: 'pending',
    requestedAt: '2019-03-23T06:00:00.000Z',
    updatedAt: '2019-03-23T06:00:00.000Z',
  };

  it('refuses a write based on a stale read, and reads many at once', async () => {
    const contacts = new DynamoContactStore(table.documentClient, table.tableName);
    await contacts.put(pending);
    await expect(contacts.put(pending)).rejects.toMatchObject({ kind: 'conflict' });
    const confirmed: Contact = { ...pending, state: 'confirmed', updatedAt: '2019-03-23T07:00:00.000Z' };
    await contacts.put(confirmed, pending);
    await expect(
      contacts.put({ ...pending, state: 'gone', updatedAt: '2019-03-23T08:00:00.000Z' }, pending),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'contact-changed' });
    expect((await contacts.get('email:cy@example.org'))?.state).toBe('confirmed');
    expect([...(await contacts.getMany(['email:cy@example.org', 'email:nobody@example.org'])).keys()]).toEqual([
      'email:cy@example.org',
    ]);
  });
});

describe('digest queue on DynamoDB Local', () => {
  it("keeps one entry per (hour, contact, event), lists an hour's entries and removes them", async () => {
    const queue = new DynamoDigestQueue(table.documentClient, table.tableName);
    const queued = {
      hour: 7,
      contact: 'email:ana@example.org',
      eventId: 'e-1',
      watchIds: ['w-1'],
      states: ['NG'],
      queuedAt: '2019-03-23T06:00:00.000Z',
    };
    const entries = [queued, { ...queued, eventId: 'e-2' }, { ...queued, hour: 8 }];
    await queue.add(entries);
    await queue.add([queued]);
    expect((await queue.listForHour(7)).map(({ eventId }) => eventId).sort()).toEqual(['e-1', 'e-2']);
    await queue.remove(await queue.listForHour(7));
    expect(await queue.listForHour(7)).toEqual([]);
    expect(await queue.listForHour(8)).toHaveLength(1);
  });
});
