import { DeleteTopicCommand, NotFoundException, SNSClient, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactPartition } from '../../lambdas/adapters/dynamodb/contact-key.ts';
import { DynamoMigrationLedger } from '../../lambdas/adapters/dynamodb/migration-ledger.ts';
import { DynamoWatchStore } from '../../lambdas/adapters/dynamodb/watch-repository.ts';
import { backfillWatchShards } from '../../lambdas/adapters/migrations/backfill-watch-shards.ts';
import { retireEmailTopics } from '../../lambdas/adapters/migrations/retire-email-topics.ts';
import { contactShard } from '../../lambdas/core/delivery/contact-shard.ts';
import type { Migration } from '../../lambdas/core/migrations/migration.ts';
import { runMigrations } from '../../lambdas/core/migrations/run-migrations.ts';
import { contactOf, type Watch } from '../../lambdas/core/watches/watch.ts';
import { createTestTable } from '../support/test-table.ts';
import { watch } from '../support/watch-fixtures.ts';

const sns = mockClient(SNSClient);
beforeEach(() => sns.reset());

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
});

const clock = { now: () => new Date('2026-12-05T12:00:00.000Z') };
const put = (Item: Record<string, unknown>) =>
  table.documentClient.send(new PutCommand({ TableName: table.tableName, Item }));
const get = async (PK: string, SK: string) =>
  (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: { PK, SK } }))).Item;

/** Runs the migrations as the deploy's function does, `pages` pages at most (unlimited if absent). */
const run = (migrations: readonly Migration[], pages = Number.POSITIVE_INFINITY) => {
  let left = pages;
  return runMigrations(migrations, {
    clock,
    ledger: new DynamoMigrationLedger(table.documentClient, table.tableName),
    hasTimeForPage: () => {
      left -= 1;
      return left >= 0;
    },
  });
};

/** A watch as the service stored it before GSI3: every index but the contact shard. */
const oldWatchItem = (stored: Watch) => ({
  PK: `WATCH#${stored.id}`,
  SK: 'WATCH',
  itemType: 'watch',
  GSI1PK: `OWNER#${stored.owner}`,
  GSI1SK: `${stored.createdAt}#${stored.id}`,
  GSI2PK: contactPartition(contactOf(stored)),
  GSI2SK: `WATCH#${stored.id}`,
  ...stored,
});

describe('the GSI3 backfill of watches written before it (DynamoDB Local)', () => {
  const ana = (id: string) => watch({ id, channel: { email: 'Ana@Example.org' } });
  const old = [
    ana('w-old-1'),
    ana('w-old-2'),
    ana('w-old-3'),
    watch({ id: 'w-old-sms', channel: { sms: '+447700900123' } }),
  ];

  it('puts every old watch in its contact’s shard as the repository does, page by page, resuming where it stopped', async () => {
    const watches = new DynamoWatchStore(table.documentClient, table.tableName);
    for (const stored of old) await put(oldWatchItem(stored));
    await watches.create(ana('w-new'), 100);
    const shard = contactShard('email:ana@example.org');
    expect((await watches.inShard(shard)).map(({ id }) => id)).toEqual(['w-new']);

    const backfill = backfillWatchShards(table.documentClient, table.tableName, 2);
    const first = await run([backfill], 1);
    expect(first).toMatchObject({ status: 'unfinished', migration: { status: 'running', changed: 2 } });
    expect(await run([backfill])).toMatchObject({ status: 'done', applied: [{ status: 'done', changed: 4 }] });

    expect((await watches.inShard(shard)).map(({ id }) => id).sort()).toEqual([
      'w-new',
      'w-old-1',
      'w-old-2',
      'w-old-3',
    ]);
    expect((await watches.inShard(contactShard('sms:+447700900123'))).map(({ id }) => id)).toEqual(['w-old-sms']);
    const created = await get('WATCH#w-new', 'WATCH');
    const migrated = await get('WATCH#w-old-1', 'WATCH');
    expect(migrated).toEqual({ ...oldWatchItem(old[0] as Watch), GSI3PK: created?.GSI3PK, GSI3SK: 'WATCH#w-old-1' });
    expect(await get('MIGRATION#2026-12-watch-contact-shards', 'MIGRATION')).toMatchObject({
      status: 'done',
      changed: 4,
    });
  });

  it('changes nothing when run again, nor when its pages are run again from the start', async () => {
    const before = await get('WATCH#w-old-2', 'WATCH');
    expect(await run([backfillWatchShards(table.documentClient, table.tableName)])).toEqual({
      status: 'done',
      applied: [],
      before: ['2026-12-watch-contact-shards'],
    });
    const again = await backfillWatchShards(table.documentClient, table.tableName, 1000).page(undefined);
    expect(again.changed).toBe(0);
    expect(await get('WATCH#w-old-2', 'WATCH')).toEqual(before);
  });
});

describe('moving email contacts off their SNS topics (DynamoDB Local, SNS mocked)', () => {
  const topic = (name: string) => `arn:aws:sns:eu-west-1:111122223333:sw-contact-${name}`;
  const contactItem = <Fields extends Record<string, unknown>>(id: string, fields: Fields) => ({
    PK: contactPartition(id),
    SK: 'CONTACT',
    itemType: 'contact',
    id,
    channel: id.startsWith('sms:') ? 'sms' : 'email',
    to: id.slice(id.indexOf(':') + 1),
    requestedAt: '2019-02-01T00:00:00.000Z',
    updatedAt: '2019-02-02T00:00:00.000Z',
    ...fields,
  });
  const confirmed = contactItem('email:ana@example.org', {
    state: 'confirmed',
    GSI1PK: 'CONTACTS#confirmed',
    GSI1SK: 'email:ana@example.org',
    address: { topicArn: topic('ana'), subscriptionArn: `${topic('ana')}:0b1c` },
  });
  const pending = contactItem('email:bo@example.org', {
    state: 'pending',
    GSI1PK: 'CONTACTS#pending',
    GSI1SK: 'email:bo@example.org',
    confirmBy: '2019-02-04T00:00:00.000Z',
    address: { topicArn: topic('bo'), subscriptionArn: 'pending confirmation' },
  });
  const topicGone = contactItem('email:cy@example.org', {
    state: 'confirmed',
    address: { topicArn: topic('cy'), subscriptionArn: `${topic('cy')}:9f8e` },
  });
  const sms = contactItem('sms:+447700900123', {
    state: 'pending',
    verification: { codeHash: 'hash', attemptsLeft: 5 },
  });

  beforeAll(async () => {
    for (const item of [confirmed, pending, topicGone, sms]) await put(item);
  });

  it('deletes each email contact’s subscription and topic and forgets them, keeping its state; SMS contacts untouched', async () => {
    sns.on(UnsubscribeCommand).resolves({});
    sns
      .on(UnsubscribeCommand, { SubscriptionArn: `${topic('cy')}:9f8e` })
      .rejects(new NotFoundException({ message: 'Subscription does not exist', $metadata: {} }));
    sns.on(DeleteTopicCommand).resolves({});

    const outcome = await run([retireEmailTopics(table.documentClient, table.tableName, new SNSClient({}), clock, 2)]);

    expect(outcome).toMatchObject({ status: 'done', applied: [{ changed: 3 }] });
    expect(
      sns
        .commandCalls(UnsubscribeCommand)
        .map(({ args }) => args[0].input.SubscriptionArn)
        .sort(),
    ).toEqual([`${topic('ana')}:0b1c`, `${topic('cy')}:9f8e`]);
    expect(
      sns
        .commandCalls(DeleteTopicCommand)
        .map(({ args }) => args[0].input.TopicArn)
        .sort(),
    ).toEqual([topic('ana'), topic('bo'), topic('cy')]);
    const migrated = (item: Record<string, unknown>) => ({
      ...Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'address')),
      updatedAt: '2026-12-05T12:00:00.000Z',
    });
    expect(await get(confirmed.PK, 'CONTACT')).toEqual(migrated(confirmed));
    expect(await get(pending.PK, 'CONTACT')).toEqual(migrated(pending));
    expect(await get(topicGone.PK, 'CONTACT')).not.toHaveProperty('address');
    expect(await get(sms.PK, 'CONTACT')).toEqual(sms);
  });

  it('calls SNS for nothing and changes nothing when run again, nor when its pages are run again from the start', async () => {
    const before = await Promise.all([confirmed, pending, topicGone, sms].map(({ PK }) => get(PK, 'CONTACT')));
    const migration = retireEmailTopics(table.documentClient, table.tableName, new SNSClient({}), clock);
    expect(await run([migration])).toMatchObject({ status: 'done', applied: [], before: [migration.id] });
    expect((await migration.page(undefined)).changed).toBe(0);
    expect(sns.calls()).toEqual([]);
    expect(await Promise.all([confirmed, pending, topicGone, sms].map(({ PK }) => get(PK, 'CONTACT')))).toEqual(before);
  });
});
