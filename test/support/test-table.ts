import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient, DYNAMODB_ENDPOINT_ENV } from '../../lambdas/adapters/dynamodb/document-client.ts';
import { TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';

/**
 * A fresh table in the run's DynamoDB Local, laid out as the stack declares it. Each test file
 * gets its own, so files run in parallel without seeing each other's items. It also points the
 * handlers' environment at it.
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
  process.env[DYNAMODB_ENDPOINT_ENV] = endpoint;
  process.env[TABLE_NAME_ENV] = tableName;
  return { endpoint, tableName, documentClient: createDocumentClient(endpoint) };
};
