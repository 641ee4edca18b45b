import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueConsumerSettings } from '../../lambdas/contracts/queue-consumer.ts';
import { type LocalQueues, startLocalQueues } from '../../local/queues/queue-consumers.ts';

const settings: QueueConsumerSettings = {
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  maximumConcurrency: 2,
  visibilityTimeoutSeconds: 5,
  timeoutSeconds: 1,
  maxReceiveCount: 3,
  reportBatchItemFailures: true,
};

let queues: LocalQueues | undefined;

afterEach(async () => {
  await queues?.stop();
  queues = undefined;
});

describe('the local queues', () => {
  it('runs each function on its own queue, and idle() waits for a queue fed by an earlier one', async () => {
    const emailed: string[] = [];
    // The shard worker's SQS client, as its dependencies would hold it once the queues are up.
    const local = () => {
      if (queues === undefined) throw new Error('not started');
      return queues;
    };
    const fanOut = async (event: SQSEvent) => {
      for (const record of event.Records) {
        for (const contact of record.body.split(',')) {
          await local().client.send(
            new SendMessageCommand({ QueueUrl: local().queueUrl('emails'), MessageBody: contact }),
          );
        }
      }
    };
    const sendEmails = async (event: SQSEvent) => {
      emailed.push(...event.Records.map((record) => record.body));
    };
    queues = await startLocalQueues({
      consumers: [
        { queue: { name: 'shard-jobs', settings }, handler: fanOut, functionName: 'shard-worker' },
        { queue: { name: 'emails', settings }, handler: sendEmails, functionName: 'send-email' },
      ],
      polling: { waitTimeSeconds: 0, pollIntervalMs: 20 },
    });

    await local().client.send(
      new SendMessageBatchCommand({
        QueueUrl: local().queueUrl('shard-jobs'),
        Entries: [
          { Id: 'shard-1', MessageBody: 'ana@example.org,ben@example.org' },
          { Id: 'shard-2', MessageBody: 'cy@example.org' },
        ],
      }),
    );
    await local().idle();

    expect(emailed.toSorted()).toEqual(['ana@example.org', 'ben@example.org', 'cy@example.org']);
  });

  it('refuses to start a function whose mapping Lambda would refuse', async () => {
    await expect(
      startLocalQueues({
        consumers: [
          {
            queue: { name: 'emails', settings: { ...settings, visibilityTimeoutSeconds: 1, timeoutSeconds: 2 } },
            handler: () => undefined,
            functionName: 'send-email',
          },
        ],
      }),
    ).rejects.toThrow('is less than Function timeout');
  });
});
