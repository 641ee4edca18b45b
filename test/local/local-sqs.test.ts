import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { sqsCalls } from '../../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsMessageVisibility } from '../../lambdas/adapters/sqs/sqs-message-visibility.ts';
import type { QueueConsumerSettings } from '../../lambdas/contracts/queue-consumer.ts';
import { fauxqsSafeVisibility } from '../../local/queues/fauxqs-visibility.ts';
import { type LocalSqs, startLocalSqs } from '../../local/queues/local-sqs.ts';

const settings: QueueConsumerSettings = {
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  maximumConcurrency: 4,
  visibilityTimeoutSeconds: 180,
  timeoutSeconds: 30,
  maxReceiveCount: 3,
  delaySeconds: 60,
  reportBatchItemFailures: true,
};

let sqs: LocalSqs | undefined;

afterEach(async () => {
  await sqs?.stop();
  sqs = undefined;
});

const attributesOf = async (local: LocalSqs, queueUrl: string) => {
  const { Attributes } = await local.client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
  );
  return Attributes ?? {};
};

describe('the local SQS', () => {
  it('creates each queue with the settings the stack declares, redriving to its own dead-letter queue', async () => {
    sqs = await startLocalSqs({ queues: [{ name: 'emails', settings }] });

    const queue = await attributesOf(sqs, sqs.queueUrl('emails'));
    const dlq = await attributesOf(sqs, sqs.dlqUrl('emails'));

    expect(queue).toMatchObject({ VisibilityTimeout: '180', DelaySeconds: '60' });
    expect(JSON.parse(queue.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: dlq.QueueArn, maxReceiveCount: 3 });
    expect(dlq.QueueArn).toBe('arn:aws:sqs:local:000000000000:emails-dlq');
    expect(dlq.RedrivePolicy).toBeUndefined();
  });

  it('makes a FIFO queue and a FIFO dead-letter queue, which take messages in groups', async () => {
    sqs = await startLocalSqs({
      queues: [{ name: 'waves', fifo: true, settings: { ...settings, delaySeconds: 0 } }],
    });

    const queue = await attributesOf(sqs, sqs.queueUrl('waves'));
    const dlq = await attributesOf(sqs, sqs.dlqUrl('waves'));
    const sent = await sqs.client.send(
      new SendMessageCommand({
        QueueUrl: sqs.queueUrl('waves'),
        MessageBody: '{"waveId":"w1"}',
        MessageGroupId: 'waves',
        MessageDeduplicationId: 'w1',
      }),
    );

    expect([queue.QueueArn, queue.FifoQueue]).toEqual(['arn:aws:sqs:local:000000000000:waves.fifo', 'true']);
    expect([dlq.QueueArn, dlq.FifoQueue]).toEqual(['arn:aws:sqs:local:000000000000:waves-dlq.fifo', 'true']);
    expect(sent.SequenceNumber).toMatch(/^\d+$/);
  });

  it('refuses a name it has no queue for', async () => {
    sqs = await startLocalSqs({ queues: [] });

    expect(() => sqs?.queueUrl('missing')).toThrow('No local queue named missing');
  });
});

describe('the local SQS with a data directory', () => {
  it('keeps messages across a restart, those taken by a process that died coming back after their visibility timeout', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-sqs-'));
    const quick = { ...settings, visibilityTimeoutSeconds: 1, timeoutSeconds: 1, delaySeconds: 0 };
    const first = await startLocalSqs({ queues: [{ name: 'jobs', settings: quick }], dataDirectory });
    for (const body of ['taken', 'waiting'])
      await first.client.send(new SendMessageCommand({ QueueUrl: first.queueUrl('jobs'), MessageBody: body }));
    const taken = await first.client.send(
      new ReceiveMessageCommand({ QueueUrl: first.queueUrl('jobs'), MaxNumberOfMessages: 1 }),
    );
    expect(taken.Messages?.map(({ Body }) => Body)).toHaveLength(1);
    await first.stop();

    sqs = await startLocalSqs({ queues: [{ name: 'jobs', settings: quick }], dataDirectory });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const after = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl: sqs.queueUrl('jobs'), MaxNumberOfMessages: 10 }),
    );
    expect(after.Messages?.map(({ Body }) => Body).sort()).toEqual(['taken', 'waiting']);
  });

  it('hands back a message whose visibility a sender sets to nothing, through the local root’s safe visibility', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-sqs-'));
    sqs = await startLocalSqs({
      queues: [{ name: 'jobs', settings: { ...settings, delaySeconds: 0 } }],
      dataDirectory,
    });
    const QueueUrl = sqs.queueUrl('jobs');
    await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'throttled' }));
    const first = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));

    await fauxqsSafeVisibility(new SqsMessageVisibility(sqsCalls(sqs.client), QueueUrl)).returnAfter(
      first.Messages?.[0]?.ReceiptHandle ?? '',
      0,
    );

    // The queue's visibility timeout is 180 s: only the change can bring it back within the wait.
    const again = await sqs.client.send(
      new ReceiveMessageCommand({
        QueueUrl,
        WaitTimeSeconds: 5,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    expect(again.Messages?.map(({ Body, Attributes }) => [Body, Attributes?.ApproximateReceiveCount])).toEqual([
      ['throttled', '2'],
    ]);
  });
});
