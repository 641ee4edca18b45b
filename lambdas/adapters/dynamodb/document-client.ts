import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * `DYNAMODB_ENDPOINT` points the client at DynamoDB Local; in AWS it is unset and the SDK uses
 * the regional endpoint.
 */
export const DYNAMODB_ENDPOINT_ENV = 'DYNAMODB_ENDPOINT';

export const createDocumentClient = (endpoint = process.env[DYNAMODB_ENDPOINT_ENV]): DynamoDBDocumentClient => {
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
