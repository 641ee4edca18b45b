import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoConsentStore } from '../../lambdas/adapters/dynamodb/consent-repository.ts';
import { contactPartition } from '../../lambdas/adapters/dynamodb/contact-key.ts';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoDailySendCounter } from '../../lambdas/adapters/dynamodb/daily-send-counter.ts';
import { DynamoDigestQueue } from '../../lambdas/adapters/dynamodb/digest-queue-repository.ts';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { allItems } from '../support/table-items.ts';
import { createTestTable } from '../support/test-table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let contacts: DynamoContactStore;
beforeAll(async () => {
  table = await createTestTable();
  contacts = new DynamoContactStore(table.documentClient, table.tableName);
});

const REQUESTED = '2026-12-05T12:00:00.000Z';
const requestedSeconds = Date.parse(REQUESTED) / 1000;
const DAY = 86_400;

const pending = (id: string, channel: Contact['channel'], to: string): Contact => ({
  id,
  channel,
  to,
  state: 'pending',
  requestedAt: REQUESTED,
  updatedAt: REQUESTED,
});

const expiresAtOf = async (id: string): Promise<unknown> => {
  const { Item } = await table.documentClient.send(
    new GetCommand({ TableName: table.tableName, Key: { PK: contactPartition(id), SK: 'CONTACT' } }),
  );
  return Item?.expiresAt;
};

describe('pending contacts expire with their link or code', () => {
  it('keeps a pending email a day past its 3-day link, and a pending number a day past its 15-minute code', async () => {
    await contacts.put(pending('email:pia@example.org', 'email', 'pia@example.org'));
    await contacts.put(pending('sms:+447700900401', 'sms', '+447700900401'));

    expect(await expiresAtOf('email:pia@example.org')).toBe(requestedSeconds + 4 * DAY);
    expect(await expiresAtOf('sms:+447700900401')).toBe(requestedSeconds + 15 * 60 + DAY);
  });

  it('keeps a confirmed contact: confirming drops the expiry', async () => {
    const waiting = pending('email:quin@example.org', 'email', 'quin@example.org');
    await contacts.put(waiting);

    await contacts.put({ ...waiting, state: 'confirmed', updatedAt: '2026-12-05T12:05:00.000Z' }, waiting);

    expect(await expiresAtOf('email:quin@example.org')).toBeUndefined();
  });
});

describe('forgetting and erasing a contact', () => {
  it('removes a contact only as it was read', async () => {
    const waiting = pending('email:rosa@example.org', 'email', 'rosa@example.org');
    await contacts.put(waiting);
    const changed = { ...waiting, updatedAt: '2026-12-05T12:01:00.000Z' };
    await contacts.put(changed, waiting);

    await expect(contacts.remove(waiting)).rejects.toMatchObject({ kind: 'conflict' });
    await contacts.remove(changed);

    expect(await contacts.get('email:rosa@example.org')).toBeUndefined();
  });

  it('erases everything under the address and its queued digests, keeps its marker, and leaves other addresses alone', async () => {
    const id = 'email:sara@example.org';
    const other = 'email:tess@example.org';
    const consents = new DynamoConsentStore(table.documentClient, table.tableName);
    const counter = new DynamoDailySendCounter(table.documentClient, table.tableName);
    const digests = new DynamoDigestQueue(table.documentClient, table.tableName);
    for (const contact of [id, other]) {
      await contacts.put({ ...pending(contact, 'email', contact.slice(6)), state: 'confirmed' });
      await consents.put({ contact, owner: 'o-1', state: 'confirmed', requestedAt: REQUESTED, updatedAt: REQUESTED });
      await counter.take(contact, isoDate('2026-12-05'), 10);
      await digests.add([
        { hour: 7, contact, eventId: 'e-1', watchIds: ['w-1'], states: ['RU'], queuedAt: REQUESTED },
        { hour: 19, contact, eventId: 'e-2', watchIds: ['w-1'], states: ['RU'], queuedAt: REQUESTED },
      ]);
    }
    await contacts.suppress(id, REQUESTED);

    await contacts.erase(id);

    const left = await allItems(table);
    expect(left.filter((item) => JSON.stringify(item).includes('sara@example.org'))).toEqual([]);
    expect(left.filter(({ PK }) => PK === contactPartition(id))).toEqual([
      { PK: contactPartition(id), SK: 'SUPPRESSED', itemType: 'suppression', at: REQUESTED },
    ]);
    expect(await contacts.isSuppressed(id)).toBe(true);
    expect(await contacts.get(other)).toMatchObject({ state: 'confirmed' });
    expect(await digests.listForHour(19)).toMatchObject([{ contact: other }]);
    expect(await contacts.isSuppressed(other)).toBe(false);
  });
});
