import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsCalls } from '../../lambdas/adapters/sqs/sqs-calls.ts';
import {
  parseMigrationsContinuation,
  sqsMigrationsHandOn,
} from '../../lambdas/adapters/sqs/sqs-migrations-continuation.ts';
import { cloudFormationEvent } from '../support/cloudformation.ts';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/migrations';

describe('handing a migrations run on through SQS', () => {
  it('sends the deploy’s event and start as one message that reads back the same', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    const continuation = {
      event: cloudFormationEvent('Update', 'https://cloudformation-response.example/signed'),
      startedAt: '2026-12-05T12:00:00.000Z',
    };
    await sqsMigrationsHandOn(sqsCalls(new SQSClient({})), QUEUE_URL)(continuation);
    const calls = sqs.commandCalls(SendMessageCommand);
    expect(calls.map(({ args }) => args[0].input)).toEqual([
      { QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(continuation) },
    ]);
    expect(parseMigrationsContinuation(calls[0]?.args[0].input.MessageBody ?? '')).toEqual(continuation);
  });

  it('refuses a message that does not hold a CloudFormation event to answer', () => {
    const unanswerable = Object.fromEntries(
      Object.entries(cloudFormationEvent('Create', 'https://example.org')).filter(([name]) => name !== 'ResponseURL'),
    );
    expect(() =>
      parseMigrationsContinuation(JSON.stringify({ event: unanswerable, startedAt: '2026-12-05T12:00:00.000Z' })),
    ).toThrow();
  });
});
