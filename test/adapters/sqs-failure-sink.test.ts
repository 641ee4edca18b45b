import { QueueDoesNotExist, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsCalls } from '../../lambdas/adapters/sqs/sqs-calls.ts';
import { SqsFailureSink } from '../../lambdas/adapters/sqs/sqs-failure-sink.ts';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/111122223333/sanctions-watch-delivery-failures';
const sink = () => new SqsFailureSink(sqsCalls(new SQSClient({})), queueUrl);

const failure: DeliveryFailure = {
  at: '2019-03-23T06:00:05.000Z',
  contactKey: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6',
  channel: 'email',
  kind: 'alert',
  watchIds: ['w-1', 'w-2'],
  eventIds: ['e-ng-overdue', 'e-ru-overdue'],
  code: 'misconfigured',
  message: 'SendEmail for a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6: not authorized',
};

describe('the SQS failure sink', () => {
  it('parks a failure as one message: the failure as JSON, its code and kind as attributes', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-1' });

    await expect(sink().park(failure)).resolves.toBeUndefined();

    expect(sqs.calls()).toHaveLength(1);
    const input = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(input).toEqual({
      QueueUrl: queueUrl,
      MessageBody: expect.any(String),
      MessageAttributes: {
        code: { DataType: 'String', StringValue: 'misconfigured' },
        kind: { DataType: 'String', StringValue: 'alert' },
      },
    });
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual(failure);
  });

  it('takes the attributes from each failure', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q-2' });

    await sink().park({
      ...failure,
      channel: 'sms',
      contactKey: 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6',
      kind: 'digest',
      code: 'rejected',
    });

    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageAttributes).toEqual({
      code: { DataType: 'String', StringValue: 'rejected' },
      kind: { DataType: 'String', StringValue: 'digest' },
    });
  });

  it("lets an SQS error through, so the dispatcher's batch is retried rather than the failure lost", async () => {
    const error = new QueueDoesNotExist({
      message: 'The specified queue does not exist.',
      $metadata: { httpStatusCode: 400 },
    });
    sqs.on(SendMessageCommand).rejects(error);

    await expect(sink().park(failure)).rejects.toBe(error);

    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });
});
