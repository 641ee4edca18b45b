import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/document-client.ts';

/**
 * A fresh table in the run's DynamoDB Local, laid out as the stack declares it. Each test file
 * gets its own, so files run in parallel without seeing each other's items.
 */
export const createTestTable = async () => {
  const endpoint = inject('dynamoDbEndpoint');
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
