import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The document client every store is built on. With an `endpoint` (DynamoDB Local: the local
 * runtime, the tests, the bench) it talks to that; without, to the regional endpoint, as in AWS.
 */
export const createDocumentClient = (endpoint?: string): DynamoDBDocumentClient => {
  const client = new DynamoDBClient(
    endpoint
      ? {
          endpoint,
          region: process.env.AWS_REGION ?? 'local',
          // DynamoDB Local accepts any credentials; these keep the SDK from looking for real ones.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {},
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
};
