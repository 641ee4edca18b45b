import { createServer } from 'node:http';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationCatalogue } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { handlerFor } from '../../lambdas/handlers/seed-reference-data.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { testDependencies } from '../support/test-dependencies.ts';
import { createTestTable } from '../support/test-table.ts';

/** Stands in for CloudFormation's pre-signed S3 URL and records what the function PUTs there. */
const startResponseReceiver = async () => {
  const received: { method: string; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', body: JSON.parse(body) as Record<string, unknown> });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/response`, received, close: () => new Promise((done) => server.close(done)) };
};

const cloudFormationEvent = (
  requestType: 'Create' | 'Update' | 'Delete',
  responseUrl: string,
): CloudFormationCustomResourceEvent =>
  ({
    RequestType: requestType,
    ServiceToken: 'arn:aws:lambda:eu-west-1:000000000000:function:seed',
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-1:000000000000:stack/SanctionsWatch/1',
    RequestId: `request-${requestType}`,
    LogicalResourceId: 'ReferenceDataSeed',
    ResourceType: 'Custom::ReferenceDataSeed',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:000000000000:function:seed', seedVersion: 'v1' },
    ...(requestType === 'Create'
      ? {}
      : { PhysicalResourceId: 'sanctions-watch-reference-data', OldResourceProperties: {} }),
  }) as CloudFormationCustomResourceEvent;

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
    expect((await catalogue.list()).map((o) => o.id).sort()).toEqual([
      '2397-p8-final',
      '2397-p8-midterm',
      '2397-p8-repatriation',
    ]);
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
    expect(receiver.received.at(-1)?.body).toMatchObject({ Status: 'SUCCESS', Reason: 'Created 0, kept 8' });

    await handler(cloudFormationEvent('Delete', receiver.url), localLambdaContext('seed'));
    expect(receiver.received.at(-1)?.body).toMatchObject({ Status: 'SUCCESS', Reason: 'Data kept' });
    const catalogue = obligationCatalogue(table.documentClient, table.tableName);
    expect(await catalogue.list()).toHaveLength(3);
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
