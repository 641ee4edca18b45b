import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationCatalogue } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { seedMetrics } from '../../lambdas/core/reference/metrics.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { handlerFor } from '../../lambdas/handlers/seed-reference-data.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { cloudFormationEvent, startResponseReceiver } from '../support/cloudformation.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let receiver: Awaited<ReturnType<typeof startResponseReceiver>>;
let handler: ReturnType<typeof handlerFor>;

beforeAll(async () => {
  table = await createTestTable();
  receiver = await startResponseReceiver();
  handler = handlerFor(testDependencies(table));
});
afterAll(() => receiver.close());

describe('the reference-data seed custom resource', () => {
  it('seeds the catalogue on Create and tells CloudFormation it succeeded', async () => {
    await handler(cloudFormationEvent('Create', receiver.url), localLambdaContext('seed'));

    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    expect((await catalogue.list()).map((o) => o.id).sort()).toEqual(seedObligations.map(({ id }) => id).sort());
    expect(receiver.received.at(-1)).toEqual({
      method: 'PUT',
      body: expect.objectContaining({
        Status: 'SUCCESS',
        RequestId: 'request-Create',
        LogicalResourceId: 'ReferenceDataSeed',
        PhysicalResourceId: 'sanctions-watch-reference-data',
      }),
    });
  });

  it('keeps existing obligations on Update and acknowledges Delete without touching data', async () => {
    await handler(cloudFormationEvent('Update', receiver.url), localLambdaContext('seed'));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'SUCCESS',
      Reason: `Created 0, kept ${seedObligations.length + seedMetrics.length}, filled in 0`,
    });

    await handler(cloudFormationEvent('Delete', receiver.url), localLambdaContext('seed'));
    expect(receiver.received.at(-1)?.body).toMatchObject({ Status: 'SUCCESS', Reason: 'Data kept' });
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    expect(await catalogue.list()).toHaveLength(seedObligations.length);
  });

  it('reports FAILED to CloudFormation instead of leaving the stack waiting when the table is gone', async () => {
    const { DeleteTableCommand, DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const admin = new DynamoDBClient({
      endpoint: table.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await admin.send(new DeleteTableCommand({ TableName: table.tableName }));
    admin.destroy();

    await handler(cloudFormationEvent('Update', receiver.url), localLambdaContext('seed'));

    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/resource not found|non-existent table/i),
    });
  });
});
