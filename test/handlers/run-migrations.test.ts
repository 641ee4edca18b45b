import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoMigrationLedger } from '../../lambdas/adapters/dynamodb/migration-ledger.ts';
import type { MigrationsContinuation } from '../../lambdas/adapters/sqs/sqs-migrations-continuation.ts';
import type { Migration } from '../../lambdas/core/migrations/migration.ts';
import { handlerFor } from '../../lambdas/handlers/run-migrations.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { cloudFormationEvent, startResponseReceiver } from '../support/cloudformation.ts';
import { createTestTable } from '../support/test-table.ts';

const migrationsResource = {
  logicalId: 'Migrations',
  type: 'Custom::Migrations',
  physicalId: 'sanctions-watch-migrations',
};

/** A migration over `pages` pages of ten items, each changing one; it records which pages it ran. */
const pagedMigration = (id: string, pages: number, ran: string[]): Migration => ({
  id,
  description: `${pages} pages`,
  page: async (start) => {
    const index = Number(start ?? 0);
    ran.push(`${id}:${index}`);
    // A broken migration fails on its second page the first time it reaches it.
    if (id.includes('broken') && index === 1 && !ran.slice(0, -1).includes(`${id}:1`))
      throw new Error(`${id} cannot read page ${index}`);
    return { scanned: 10, changed: 1, ...(index + 1 < pages ? { next: String(index + 1) } : {}) };
  },
});

/** A context with room for `pages` pages, then too little time for another. */
const contextFor = (pages: number): Context => {
  let left = pages;
  return {
    ...localLambdaContext('migrations'),
    getRemainingTimeInMillis: () => {
      left -= 1;
      return left >= 0 ? 900_000 : 30_000;
    },
  };
};

const sqsEvent = (continuation: MigrationsContinuation): SQSEvent =>
  ({ Records: [{ messageId: 'm-1', body: JSON.stringify(continuation) }] }) as SQSEvent;

let table: Awaited<ReturnType<typeof createTestTable>>;
let receiver: Awaited<ReturnType<typeof startResponseReceiver>>;
beforeAll(async () => {
  table = await createTestTable();
  receiver = await startResponseReceiver();
});
afterAll(() => receiver.close());

/** The function with these migrations, on the test's table, its clock at `now` and its hand-ons kept. */
const setUp = (migrations: readonly Migration[]) => {
  const handedOn: MigrationsContinuation[] = [];
  let now = new Date('2026-12-05T12:00:00.000Z');
  const handler = handlerFor({
    clock: { now: () => now },
    ledger: new DynamoMigrationLedger(table.documentClient, table.tableName),
    migrations,
    handOn: async (continuation) => void handedOn.push(continuation),
  });
  return { handler, handedOn, later: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
};

describe('the migrations custom resource', () => {
  it('applies each migration once on Create, none again on Update, and keeps the data on Delete', async () => {
    const ran: string[] = [];
    const { handler } = setUp([pagedMigration('m-once-a', 2, ran), pagedMigration('m-once-b', 1, ran)]);
    const create = cloudFormationEvent('Create', receiver.url, migrationsResource);
    await handler(create, contextFor(10));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'sanctions-watch-migrations',
      Reason: 'Applied m-once-a (2 of 20 items read changed), m-once-b (1 of 10 items read changed); applied before: 0',
      Data: { applied: 'm-once-a,m-once-b', before: '' },
    });
    await handler(cloudFormationEvent('Update', receiver.url, migrationsResource), contextFor(10));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'SUCCESS',
      Reason: 'Applied none; applied before: 2',
      Data: { applied: '', before: 'm-once-a,m-once-b' },
    });
    await handler(cloudFormationEvent('Delete', receiver.url, migrationsResource), contextFor(10));
    expect(receiver.received.at(-1)?.body).toMatchObject({ Status: 'SUCCESS', Reason: 'Data kept' });
    expect(ran).toEqual(['m-once-a:0', 'm-once-a:1', 'm-once-b:0']);
  });

  it('hands a run out of time on through its queue without answering, and answers once the run resumed from there is done', async () => {
    const ran: string[] = [];
    const { handler, handedOn } = setUp([pagedMigration('m-long', 5, ran)]);
    const answered = receiver.received.length;
    const create = cloudFormationEvent('Create', receiver.url, migrationsResource);
    await handler(create, contextFor(2));
    expect(receiver.received).toHaveLength(answered);
    expect(handedOn).toEqual([{ event: create, startedAt: '2026-12-05T12:00:00.000Z' }]);

    const [continuation] = handedOn.splice(0);
    expect(await handler(sqsEvent(continuation as MigrationsContinuation), contextFor(10))).toEqual({
      batchItemFailures: [],
    });
    expect(ran).toEqual(['m-long:0', 'm-long:1', 'm-long:2', 'm-long:3', 'm-long:4']);
    expect(handedOn).toEqual([]);
    expect(receiver.received.slice(answered)).toEqual([
      {
        method: 'PUT',
        body: expect.objectContaining({
          Status: 'SUCCESS',
          RequestId: 'request-Create',
          Reason: 'Applied m-long (5 of 50 items read changed); applied before: 0',
        }),
      },
    ]);
  });

  it('answers FAILED, its progress kept, when the run is still unfinished close to CloudFormation’s hour', async () => {
    const ran: string[] = [];
    const { handler, handedOn, later } = setUp([pagedMigration('m-slow', 10, ran)]);
    await handler(cloudFormationEvent('Update', receiver.url, migrationsResource), contextFor(1));
    const [continuation] = handedOn.splice(0);
    later(51);
    await handler(sqsEvent(continuation as MigrationsContinuation), contextFor(1));
    expect(handedOn).toEqual([]);
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 'sanctions-watch-migrations',
      Reason:
        'Migration m-slow is unfinished after 50 minutes (20 items read, 2 changed); its progress is kept, and the next deploy resumes it',
    });
    expect(await new DynamoMigrationLedger(table.documentClient, table.tableName).get('m-slow')).toMatchObject({
      status: 'running',
      next: '2',
    });
  });

  it('answers FAILED with the cause when a migration fails, and resumes from its last page on the next deploy', async () => {
    const ran: string[] = [];
    const { handler } = setUp([pagedMigration('m-broken', 3, ran)]);
    await handler(cloudFormationEvent('Create', receiver.url, migrationsResource), contextFor(10));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'FAILED',
      Reason: 'm-broken cannot read page 1',
    });
    expect(ran).toEqual(['m-broken:0', 'm-broken:1']);
    await handler(cloudFormationEvent('Update', receiver.url, migrationsResource), contextFor(10));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'SUCCESS',
      Reason: 'Applied m-broken (3 of 30 items read changed); applied before: 0',
    });
    expect(ran).toEqual(['m-broken:0', 'm-broken:1', 'm-broken:1', 'm-broken:2']);
  });
});
