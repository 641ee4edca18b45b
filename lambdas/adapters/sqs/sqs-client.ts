import { SQSClient } from '@aws-sdk/client-sqs';

let client: SQSClient | undefined;

/**
 * One SQS client per process, for the functions that send to a queue on their usual path. Its own
 * module, as every SDK client's construction is: a function that builds none imports nothing from
 * SQS, so its `vendor.mjs` carries none of it (lib/sdk-vendor-module.ts).
 */
export const sharedSqsClient = (): SQSClient => {
  client ??= new SQSClient({});
  return client;
};
