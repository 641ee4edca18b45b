import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAlertEventStore } from '../../lambdas/adapters/dynamodb/alert-event-repository.ts';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoDeliveryLog } from '../../lambdas/adapters/dynamodb/delivery-log-repository.ts';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/document-client.ts';
import { DynamoMessageRecords } from '../../lambdas/adapters/dynamodb/message-record-repository.ts';
import { countRequests } from '../../lambdas/adapters/dynamodb/request-counter.ts';
import { DynamoSendJobReads } from '../../lambdas/adapters/dynamodb/send-job-reads.ts';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import type { DeliveryLogEntry } from '../../lambdas/core/delivery/delivery-records.ts';
import { createTestTable } from '../support/test-table.ts';
import { checkerEvents } from '../support/watch-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
});

/** A fresh client whose requests are counted, on the test's table. */
const countedClient = () => {
  const client = createDocumentClient(table.endpoint);
  return { client, requests: countRequests(client) };
};

const WATCHES = ['w-1', 'w-2', 'w-3', 'w-4'];
/** 193 event ids as the service makes them (22 characters each): a message about every state. */
const manyEventIds = Array.from({ length: 193 }, (_, index) => `event-${String(index).padStart(16, '0')}`);

const settled = (fields: Partial<DeliveryLogEntry>): DeliveryLogEntry => ({
  at: '2019-03-23T06:00:00.000Z',
  contact: 'email:ana@example.org',
  channel: 'email',
  kind: 'alert',
  status: 'sent',
  watchIds: WATCHES,
  eventIds: manyEventIds,
  summary: '145 states overdue on the midterm report',
  messageId: 'ses-1',
  ...fields,
});

const logItemsOf = async (watchId: string) =>
  (
    await table.documentClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}` },
      }),
    )
  ).Items ?? [];

describe('message records and the watches’ logs on DynamoDB Local', () => {
  it('keeps a message’s event ids on its record only: each watch’s copy stays under 1 KB', async () => {
    const records = new DynamoMessageRecords(table.documentClient, table.tableName);
    const job = { dedupKey: 'wave-1:0:small', contactKey: contactKeyOf('email:ana@example.org'), waveId: 'wave-1' };
    await records.claim(job, new Date('2019-03-23T06:00:00Z'), new Date('2019-03-23T06:06:00Z'));
    await records.settle(job, settled({ watchIds: WATCHES.map((id) => `${id}-small`) }));
    for (const watchId of WATCHES) {
      const [item, ...more] = await logItemsOf(`${watchId}-small`);
      expect(more).toEqual([]);
      expect(item).not.toHaveProperty('eventIds');
      expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(1024);
    }
  });

  it('lists a page of a watch’s log with each message’s event ids, read back in one batch', async () => {
    const records = new DynamoMessageRecords(table.documentClient, table.tableName);
    for (let hour = 10; hour < 13; hour += 1) {
      const job = {
        dedupKey: `wave-${hour}:0:listed`,
        contactKey: contactKeyOf('email:ana@example.org'),
        waveId: `wave-${hour}`,
      };
      const at = `2019-03-23T${hour}:00:00.000Z`;
      await records.claim(job, new Date(at), new Date(Date.parse(at) + 60_000));
      await records.settle(job, settled({ at, watchIds: ['w-listed'], eventIds: [`e-${hour}-a`, `e-${hour}-b`] }));
    }
    // An entry written before event ids moved to the message record still lists as it did.
    await new DynamoDeliveryLog(table.documentClient, table.tableName).record(
      settled({ at: '2019-03-23T09:00:00.000Z', watchIds: ['w-listed'], eventIds: ['e-9'] }),
    );
    const { client, requests } = countedClient();
    const page = await new DynamoDeliveryLog(client, table.tableName).listForWatch('w-listed', { limit: 10 });
    expect(page.entries.map(({ at, eventIds }) => [at.slice(11, 13), eventIds])).toEqual([
      ['12', ['e-12-a', 'e-12-b']],
      ['11', ['e-11-a', 'e-11-b']],
      ['10', ['e-10-a', 'e-10-b']],
      ['09', ['e-9']],
    ]);
    expect(page.entries[0]).toEqual(
      settled({ at: '2019-03-23T12:00:00.000Z', watchIds: ['w-listed'], eventIds: ['e-12-a', 'e-12-b'] }),
    );
    expect(requests.byOperation()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    client.destroy();
  });
});

describe('what a sender reads on DynamoDB Local', () => {
  const events = checkerEvents('2019-03-23T06:00:00Z').slice(0, 120);

  beforeAll(async () => {
    const alertEvents = new DynamoAlertEventStore(table.documentClient, table.tableName);
    for (const event of events) await alertEvents.putIfAbsent({ ...event, waveId: 'wave-reads' });
    await new DynamoContactStore(table.documentClient, table.tableName).put({
      id: 'email:bo@example.org',
      channel: 'email',
      to: 'bo@example.org',
      state: 'confirmed',
      requestedAt: '2019-03-01T00:00:00.000Z',
      updatedAt: '2019-03-01T00:00:00.000Z',
    });
  });

  it('reads the contact and up to 99 events in one request, leaving out events that are gone', async () => {
    const { client, requests } = countedClient();
    const read = await new DynamoSendJobReads(client, table.tableName).contactAndEvents(
      contactKeyOf('email:bo@example.org'),
      [...events.slice(0, 98).map(({ id }) => id), 'gone-event'],
    );
    expect(read.contact).toMatchObject({ id: 'email:bo@example.org', state: 'confirmed' });
    expect(read.events.map(({ id }) => id).sort()).toEqual(
      events
        .slice(0, 98)
        .map(({ id }) => id)
        .sort(),
    );
    expect(requests.total()).toBe(1);
    client.destroy();
  });

  it('reads more events in a second request, and no contact for an unknown address', async () => {
    const { client, requests } = countedClient();
    const read = await new DynamoSendJobReads(client, table.tableName).contactAndEvents(
      contactKeyOf('email:nobody@example.org'),
      events.map(({ id }) => id),
    );
    expect(read.contact).toBeUndefined();
    expect(read.events).toHaveLength(120);
    expect(requests.total()).toBe(2);
    client.destroy();
  });
});
