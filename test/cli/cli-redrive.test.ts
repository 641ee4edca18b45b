import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRedriveArgs, redriveCommand } from '../../cli/commands/redrive.ts';
import { queueAddressesFromOutputs } from '../../cli/redrive/stack-outputs.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { deliveryQueueOutputs } from '../../lambdas/contracts/delivery-queues.ts';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import { type DeliveryJob, deliveryJobKey } from '../../lambdas/core/delivery/delivery-job.ts';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';
import { deliveryQueueDefinitions } from '../../local/queues/delivery-queue-definitions.ts';
import { type LocalSqs, startLocalSqs } from '../../local/queues/local-sqs.ts';
import {
  DELIVERY_FAILURES_QUEUE,
  localQueueAddresses,
  writeQueueAddresses,
} from '../../local/queues/queue-addresses.ts';
import { runCli } from './run-cli.ts';

/**
 * `sanctions-watch redrive` against the local SQS (fauxqs), with the queues `npm start` makes:
 * parked failures go back to their channel's queue as jobs, dead letters to their own queue.
 */
const jobOf = (channel: 'email' | 'sms', contact: string): DeliveryJob => ({
  waveId: 'check:2019-03-23T06:00:00.000Z',
  part: 0,
  contactKey: contactKeyOf(contact),
  channel,
  watchIds: ['w-1'],
  events: [{ id: 'e-ng-overdue', states: ['NG'] }],
  dedupKey: deliveryJobKey('check:2019-03-23T06:00:00.000Z', 0, contact),
});
const emailJob = jobOf('email', 'email:ana@example.org');
const smsJob = jobOf('sms', 'sms:+447700900123');
const parked = (job?: DeliveryJob): DeliveryFailure => ({
  at: '2019-03-23T06:00:05.000Z',
  contactKey: job?.contactKey ?? contactKeyOf('email:bo@example.org'),
  channel: job?.channel ?? 'email',
  kind: job ? 'alert' : 'digest',
  watchIds: ['w-1'],
  eventIds: ['e-ng-overdue'],
  code: 'rejected',
  message: 'Email address is not verified',
  ...(job ? { job } : {}),
});

let sqs: LocalSqs;
let file: string;

beforeEach(async () => {
  // Persisted, as npm start runs it.
  sqs = await startLocalSqs({
    queues: deliveryQueueDefinitions({ waveDelaySeconds: 0 }),
    plainQueues: [DELIVERY_FAILURES_QUEUE],
    dataDirectory: mkdtempSync(join(tmpdir(), 'sanctions-watch-redrive-sqs-')),
  });
  file = join(mkdtempSync(join(tmpdir(), 'sanctions-watch-redrive-')), 'queues.json');
  writeQueueAddresses(file, localQueueAddresses(sqs));
  const put = (url: string, bodies: readonly string[]) =>
    sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: bodies.map((MessageBody, index) => ({ Id: String(index), MessageBody })),
      }),
    );
  await put(sqs.queueUrl(DELIVERY_FAILURES_QUEUE), [
    JSON.stringify(parked(emailJob)),
    JSON.stringify(parked(smsJob)),
    JSON.stringify(parked()),
    'not json',
  ]);
  await put(sqs.dlqUrl('email'), [JSON.stringify(jobOf('email', 'email:cy@example.org')), '{"waveId": "bad"}']);
  await put(sqs.dlqUrl('waves'), ['{"waveId":"changes:2019-03-23T06:00:00.000Z"}']);
});
afterEach(() => sqs.stop());

const countOf = async (url: string): Promise<number> => {
  const { Attributes = {} } = await sqs.client.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
};
/** Every message the queue shows within a few seconds: a long poll answers as soon as one shows. */
const bodiesOf = async (url: string): Promise<string[]> => {
  const bodies: string[] = [];
  for (;;) {
    // What redrive left in place is visible again a second after it ends.
    const { Messages = [] } = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    if (Messages.length === 0) return bodies.sort();
    bodies.push(...Messages.map(({ Body = '' }) => Body));
  }
};
const counts = async () => ({
  failures: await countOf(sqs.queueUrl(DELIVERY_FAILURES_QUEUE)),
  email: await countOf(sqs.queueUrl('email')),
  sms: await countOf(sqs.queueUrl('sms')),
  waves: await countOf(sqs.queueUrl('waves')),
  emailDlq: await countOf(sqs.dlqUrl('email')),
  wavesDlq: await countOf(sqs.dlqUrl('waves')),
});
const run = (args: readonly string[]) => redriveCommand(parseRedriveArgs([...args, '--queues', file]).options);

describe('sanctions-watch redrive on the local SQS', () => {
  it('with --dry-run, counts what would move where and leaves every message in place', async () => {
    const { lines, json } = await run(['--dry-run']);

    expect(lines).toEqual([
      'Dry run: 5 messages would move; nothing moved.',
      '',
      'FROM               TO                      WOULD MOVE',
      expect.stringMatching(/^delivery-failures {2}(email|sms) +1$/),
      expect.stringMatching(/^delivery-failures {2}(email|sms) +1$/),
      'delivery-failures  kept: no job to replay           1',
      'delivery-failures  kept: not JSON                   1',
      'waves-dlq          waves                            1',
      'shards-dlq         (empty)                          0',
      'email-dlq          email                            2',
      'sms-dlq            (empty)                          0',
    ]);
    expect(json).toMatchObject({ dryRun: true });
    expect(await counts()).toEqual({ failures: 4, email: 0, sms: 0, waves: 0, emailDlq: 2, wavesDlq: 1 });
  });

  it('puts parked jobs back on their channel’s queue as the jobs they were, and keeps failures without one', async () => {
    const { lines } = await run(['--queue', 'failures']);

    expect(lines[0]).toBe('Moved 2 messages.');
    expect(await counts()).toEqual({ failures: 2, email: 1, sms: 1, waves: 0, emailDlq: 2, wavesDlq: 1 });
    expect((await bodiesOf(sqs.queueUrl('email'))).map((body) => JSON.parse(body))).toEqual([emailJob]);
    expect((await bodiesOf(sqs.queueUrl('sms'))).map((body) => JSON.parse(body))).toEqual([smsJob]);
    // What stayed is visible again, for the next look.
    expect(await bodiesOf(sqs.queueUrl(DELIVERY_FAILURES_QUEUE))).toEqual(['not json', JSON.stringify(parked())]);
  });

  it('moves every dead letter back to its queue as it was (bin/cli.ts as a child process)', async () => {
    const { code, stdout, stderr } = await runCli(['redrive', '--queue', 'waves,email', '--queues', file]);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'Moved 3 messages.',
        '',
        'FROM       TO     MOVED',
        'waves-dlq  waves      1',
        'email-dlq  email      2',
        '',
      ].join('\n'),
    );
    expect(await counts()).toEqual({ failures: 4, email: 2, sms: 0, waves: 1, emailDlq: 0, wavesDlq: 0 });
    expect(await bodiesOf(sqs.queueUrl('email'))).toEqual([
      '{"waveId": "bad"}',
      JSON.stringify(jobOf('email', 'email:cy@example.org')),
    ]);
  });
});

describe('sanctions-watch redrive, finding the queues', () => {
  it('reads a deployed stack’s queues from the file `cdk deploy --outputs-file` writes', () => {
    const url = (name: string) => `https://sqs.eu-west-1.amazonaws.com/111122223333/${name}`;
    const outputs = Object.fromEntries([
      ['DeliveryFailuresQueueUrl', url('failures')],
      ['ApiUrl', 'https://api.example.org/'],
      ...Object.values(deliveryQueueOutputs).flatMap(({ queue, deadLetters }) => [
        [queue, url(queue)],
        [deadLetters, url(deadLetters)],
      ]),
    ]);
    const outputsFile = join(mkdtempSync(join(tmpdir(), 'sanctions-watch-outputs-')), 'outputs.json');
    writeFileSync(outputsFile, JSON.stringify({ SanctionsWatch: outputs }));

    expect(queueAddressesFromOutputs(outputsFile)).toEqual({
      region: 'eu-west-1',
      failures: url('failures'),
      queues: {
        waves: { url: url('WaveQueueUrl'), dlqUrl: url('WaveDeadLetterQueueUrl') },
        shards: { url: url('ShardQueueUrl'), dlqUrl: url('ShardDeadLetterQueueUrl') },
        email: { url: url('EmailQueueUrl'), dlqUrl: url('EmailDeadLetterQueueUrl') },
        sms: { url: url('SmsQueueUrl'), dlqUrl: url('SmsDeadLetterQueueUrl') },
      },
    });
    writeFileSync(outputsFile, JSON.stringify({ SanctionsWatch: { DeliveryFailuresQueueUrl: url('failures') } }));
    expect(() => queueAddressesFromOutputs(outputsFile, 'SanctionsWatch')).toThrow(
      'the stack SanctionsWatch has no output WaveQueueUrl: deploy this version first',
    );
    expect(() => queueAddressesFromOutputs(outputsFile, 'Other')).toThrow(
      'name the stack with --stack: ' + outputsFile + ' holds SanctionsWatch',
    );
  });

  it.each([
    [['--queue', 'dlq'], '--queue must be one of failures, waves, shards, email, sms, streams, got "dlq"'],
    [
      ['--outputs', 'a.json', '--queues', 'b.json'],
      '--outputs (a deployed stack) and --queues (the local SQS) do not go together',
    ],
    [['--stack', 'SanctionsWatch'], '--stack needs --outputs'],
  ])('refuses %j', (args, message) => {
    expect(() => parseRedriveArgs(args)).toThrow(new UsageError(message));
  });

  it('says where it looked when the local queues’ addresses are missing, exit 1', async () => {
    const { code, stderr } = await runCli(['redrive', '--queues', join(tmpdir(), 'no-such-queues.json')]);

    expect(code).toBe(1);
    expect(stderr).toContain('no-such-queues.json (is npm start running?)');
  });
});
