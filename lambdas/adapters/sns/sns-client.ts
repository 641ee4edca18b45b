import { SNSClient } from '@aws-sdk/client-sns';

/**
 * A new SNS client. Its own module, as every SDK client's construction is: a function that builds
 * none imports nothing from SNS, so its `vendor.mjs` carries none of it (lib/sdk-vendor-module.ts).
 */
export const newSnsClient = (): SNSClient => new SNSClient({});
