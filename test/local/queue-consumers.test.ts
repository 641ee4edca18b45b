import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
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

const start = async () => {
  queues = await startLocalQueues({
    queues: [
      { name: 'shard-jobs', settings },
      { name: 'emails', settings },
    ],
    polling: { waitTimeSeconds: 0, pollIntervalMs: 20 },
  });
  return queues;
};

/** A shard worker that enqueues one email job per contact of its shard, as its dependencies would let it. */
const shardWorker = (client: SQSClient, emailQueueUrl: string) => async (event: SQSEvent) => {
  for (const record of event.Records) {
    for (const contact of record.body.split(',')) {
      await client.send(new SendMessageCommand({ QueueUrl: emailQueueUrl, MessageBody: contact }));
    }
  }
};

describe('the local queues', () => {
  it('runs each function on its own queue, and idle() waits for a queue fed by an earlier one', async () => {
    const local = await start();
    const emailed: string[] = [];
    await local.consume([
      {
        queue: 'shard-jobs',
        handler: shardWorker(local.client, local.queueUrl('emails')),
        functionName: 'shard-worker',
      },
      {
        queue: 'emails',
        handler: async (event) => void emailed.push(...event.Records.map((record) => record.body)),
        functionName: 'send-email',
      },
    ]);

    await local.client.send(
      new SendMessageBatchCommand({
        QueueUrl: local.queueUrl('shard-jobs'),
        Entries: [
          { Id: 'shard-1', MessageBody: 'ana@example.org,ben@example.org' },
          { Id: 'shard-2', MessageBody: 'cy@example.org' },
        ],
      }),
    );
    await local.idle();

    expect(emailed.toSorted()).toEqual(['ana@example.org', 'ben@example.org', 'cy@example.org']);
  });

  it.each([
    ['a queue it does not have', 'sms', 'No local queue named sms'],
    ['a function whose mapping Lambda would refuse', 'emails', 'is less than Function timeout'],
  ])('refuses to consume %s', async (_case, queue, reason) => {
    queues = await startLocalQueues({
      queues: [{ name: 'emails', settings: { ...settings, visibilityTimeoutSeconds: 1, timeoutSeconds: 2 } }],
    });

    await expect(queues.consume([{ queue, handler: () => undefined, functionName: 'send' }])).rejects.toThrow(reason);
  });
});
