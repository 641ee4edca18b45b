import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';

/** SendMessageBatch's limits: ten entries, and a payload we keep well under the queue's maximum message size. */
const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 200 * 1024;
/** Entries SQS refused for a passing reason are sent again this many times before the call fails. */
const ATTEMPTS = 3;

/** Bodies cut into batches of at most ten entries and MAX_BATCH_BYTES. */
const batchesOf = (bodies: readonly string[]): string[][] => {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = Buffer.byteLength(body, 'utf8');
    if (current.length === MAX_ENTRIES || (current.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(body);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

/**
 * Sends every body as a JSON message, ten to a request, a few requests in flight; entries SQS
 * fails are sent again, and a failure that outlasts the attempts fails the call (so its caller's
 * message comes back and is planned again, which the senders' claims make harmless).
 */
export const sendMessageBatches = async (
  sqs: SQSClient,
  queueUrl: string,
  messages: readonly unknown[],
): Promise<void> => {
  await mapWithConcurrency(batchesOf(messages.map((message) => JSON.stringify(message))), 8, async (batch) => {
    let pending: SendMessageBatchRequestEntry[] = batch.map((MessageBody, index) => ({
      Id: String(index),
      MessageBody,
    }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const { Failed = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
      if (Failed.length === 0) return;
      const failedIds = new Set(Failed.map(({ Id }) => Id));
      if (attempt === ATTEMPTS || Failed.some(({ SenderFault }) => SenderFault))
        throw new Error(
          `SQS refused ${Failed.length} of ${pending.length} messages to ${queueUrl}: ${Failed.map(({ Code, Message }) => `${Code}: ${Message ?? ''}`).join('; ')}`,
        );
      pending = pending.filter(({ Id }) => failedIds.has(Id));
    }
  });
};
