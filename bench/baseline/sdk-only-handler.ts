/**
 * What any function loads at the least, the baseline of `npm run bench -- coldstart`: the two SDK
 * clients the handlers use (the DynamoDB document client and SNS), created as a handler module
 * creates them, and nothing of ours. Bundled as the functions are (lib/lambda-bundling.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const sns = new SNSClient({});
export const handler = async (): Promise<undefined> => undefined;
