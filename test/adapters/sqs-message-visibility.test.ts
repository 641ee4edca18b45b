import { ChangeMessageVisibilityCommand, ReceiptHandleIsInvalid, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsCalls } from '../../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsMessageVisibility } from '../../lambdas/adapters/sqs/sqs-message-visibility.ts';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/111122223333/sanctions-watch-sms';

describe('the SQS message visibility', () => {
  it('changes the received message’s visibility timeout on its queue, through its receipt handle', async () => {
    sqs.on(ChangeMessageVisibilityCommand).resolves({});

    await new SqsMessageVisibility(sqsCalls(new SQSClient({})), queueUrl).returnAfter('receipt-1', 7);

    expect(sqs.calls()).toHaveLength(1);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)[0]?.args[0].input).toEqual({
      QueueUrl: queueUrl,
      ReceiptHandle: 'receipt-1',
      VisibilityTimeout: 7,
    });
  });

  it('fails as SQS does when the receipt handle no longer holds the message', async () => {
    sqs
      .on(ChangeMessageVisibilityCommand)
      .rejects(new ReceiptHandleIsInvalid({ message: 'The receipt handle has expired', $metadata: {} }));

    await expect(new SqsMessageVisibility(sqsCalls(new SQSClient({})), queueUrl).returnAfter('old', 2)).rejects.toThrow(
      'The receipt handle has expired',
    );
  });
});
