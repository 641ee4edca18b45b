import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoConsentStore } from '../../lambdas/adapters/dynamodb/consent-repository.ts';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoMigrationLedger } from '../../lambdas/adapters/dynamodb/migration-ledger.ts';
import { DynamoWatchStore } from '../../lambdas/adapters/dynamodb/watch-repository.ts';
import { forgetUnusedAddresses } from '../../lambdas/adapters/migrations/forget-unused-addresses.ts';
import type { Contact } from '../../lambdas/core/contacts/contact.ts';
import { runMigrations } from '../../lambdas/core/migrations/run-migrations.ts';
import { allItems } from '../support/table-items.ts';
import { createTestTable } from '../support/test-table.ts';
import { watch } from '../support/watch-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
});

const AT = '2026-12-01T12:00:00.000Z';
const clock = { now: () => new Date('2026-12-05T12:00:00.000Z') };

const contact = (email: string): Contact => ({
  id: `email:${email}`,
  channel: 'email',
  to: email,
  state: 'confirmed',
  requestedAt: AT,
  updatedAt: AT,
});

const run = (pageItems: number) =>
  runMigrations([forgetUnusedAddresses(table.documentClient, table.tableName, pageItems)], {
    clock,
    ledger: new DynamoMigrationLedger(table.documentClient, table.tableName),
    hasTimeForPage: () => true,
  });

describe('forgetting what deletes left behind before they forgot addresses (DynamoDB Local)', () => {
  it('forgets addresses no watch names and consents without a watch of their owner; keeps what is in use; once', async () => {
    const contacts = new DynamoContactStore(table.documentClient, table.tableName);
    const consents = new DynamoConsentStore(table.documentClient, table.tableName);
    const watches = new DynamoWatchStore(table.documentClient, table.tableName);
    const confirmed = (email: string, owner: string) =>
      consents.put({ contact: `email:${email}`, owner, state: 'confirmed', requestedAt: AT, updatedAt: AT });
    // An address whose last watch went: its contact and both owners' consents stayed.
    await contacts.put(contact('left@example.org'));
    await confirmed('left@example.org', 'o-1');
    await confirmed('left@example.org', 'o-2');
    // An address o-1 still watches; o-2 deleted theirs.
    await contacts.put(contact('kept@example.org'));
    await watches.create(watch({ id: 'w-kept', owner: 'o-1', channel: { email: 'kept@example.org' } }), 100);
    await confirmed('kept@example.org', 'o-1');
    await confirmed('kept@example.org', 'o-2');
    // An address confirmed before consents existed: a watch, no consent.
    await contacts.put(contact('older@example.org'));
    await watches.create(watch({ id: 'w-older', owner: 'o-3', channel: { email: 'older@example.org' } }), 100);

    const outcome = await run(2);

    expect(outcome).toMatchObject({ status: 'done', applied: [{ status: 'done' }] });
    // The address left behind counts once or more (its contact and consents may be met in one page), o-2's consent once.
    expect(outcome.status === 'done' ? outcome.applied[0]?.changed : 0).toBeGreaterThanOrEqual(2);

    const holding = async (text: string) =>
      (await allItems(table)).filter((item) => JSON.stringify(item).includes(text)).map(({ itemType }) => itemType);
    expect(await holding('left@example.org')).toEqual([]);
    expect(await consents.get({ contact: 'email:kept@example.org', owner: 'o-2' })).toBeUndefined();
    expect(await consents.get({ contact: 'email:kept@example.org', owner: 'o-1' })).toMatchObject({
      state: 'confirmed',
    });
    expect(await contacts.get('email:kept@example.org')).toMatchObject({ state: 'confirmed' });
    expect(await contacts.get('email:older@example.org')).toMatchObject({ state: 'confirmed' });

    const again = await forgetUnusedAddresses(table.documentClient, table.tableName).page(undefined);
    expect(again.changed).toBe(0);
  });
});
