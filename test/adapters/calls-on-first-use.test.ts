import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsOnFirstCall } from '../../lambdas/adapters/calls-on-first-use.ts';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/111122223333/sanctions-watch-sms';

describe('SDK calls loaded on first use', () => {
  it('send SQS the SendMessage and ChangeMessageVisibility they are given, through one instance per process', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-1' });
    sqs.on(ChangeMessageVisibilityCommand).resolves({});

    await sqsOnFirstCall().sendMessage({ QueueUrl: queueUrl, MessageBody: '{}' });
    await sqsOnFirstCall().changeMessageVisibility({ QueueUrl: queueUrl, ReceiptHandle: 'r-1', VisibilityTimeout: 30 });

    expect(sqsOnFirstCall()).toBe(sqsOnFirstCall());
    expect(sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: queueUrl, MessageBody: '{}' },
    ]);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input)).toEqual([
      { QueueUrl: queueUrl, ReceiptHandle: 'r-1', VisibilityTimeout: 30 },
    ]);
  });

  it('pass an SDK failure on as the SDK raised it', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('QueueDoesNotExist'));

    await expect(sqsOnFirstCall().sendMessage({ QueueUrl: queueUrl, MessageBody: '{}' })).rejects.toThrow(
      'QueueDoesNotExist',
    );
  });
});
