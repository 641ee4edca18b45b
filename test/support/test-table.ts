import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/document-client.ts';

/** The run's DynamoDB Local that serves this worker (vitest numbers its workers from 1). */
export const workerDynamoDbEndpoint = (): string => {
  const endpoints = inject('dynamoDbEndpoints');
  const endpoint = endpoints[(Number(process.env.VITEST_POOL_ID ?? '1') - 1) % endpoints.length];
  if (endpoint === undefined) throw new Error('the test run started no DynamoDB Local');
  return endpoint;
};

/**
 * A fresh table in this worker's DynamoDB Local, laid out as the stack declares it. Each test file
 * gets its own, so files run in parallel without seeing each other's items.
 */
export const createTestTable = async () => {
  const endpoint = workerDynamoDbEndpoint();
  const tableName = `test-${randomUUID()}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  return { endpoint, tableName, documentClient: createDocumentClient(endpoint) };
};

export type TestTable = Awaited<ReturnType<typeof createTestTable>>;
