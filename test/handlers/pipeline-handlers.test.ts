import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { deliveryJobKey } from '../../lambdas/core/delivery/delivery-job.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { handlerFor as sendJobs } from '../../lambdas/handlers/queue/send-jobs.ts';
import { handlerFor as announceWaves } from '../../lambdas/handlers/stream/announce-waves.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { alertEventInsertRecord } from '../support/alert-event-records.ts';
import { startPipelineHarness } from '../support/pipeline-harness.ts';
import { sqsRecord } from '../support/sqs-record.ts';
import { russiaWorkPermits, watch } from '../support/watch-fixtures.ts';

describe('the wave announcer', () => {
  it('announces each wave of a batch once, and fails unreadable records and events without a wave by sequence number', async () => {
    const announced: string[][] = [];
    const handler = announceWaves({ announcer: { announce: async (ids) => void announced.push([...ids]) } });
    const poison = alertEventInsertRecord(russiaWorkPermits, '300', {
      PK: 'EVENT#x',
      SK: 'EVENT',
      id: 'x',
      type: 'figure.moved',
    });
    const batch = [
      alertEventInsertRecord({ ...russiaWorkPermits, waveId: 'changes:a' }, '100'),
      alertEventInsertRecord({ ...russiaWorkPermits, id: 'other', waveId: 'changes:a' }, '150'),
      alertEventInsertRecord({ ...russiaWorkPermits, id: 'later', waveId: 'changes:b' }, '200'),
      alertEventInsertRecord(russiaWorkPermits, '250'),
      poison,
    ];
    expect(await handler({ Records: batch }, localLambdaContext('announce-waves'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '250' }],
    });
    expect(announced).toEqual([['changes:a', 'changes:b']]);
  });

  it('fails every record of the batch when the wave queue refuses, so the stream hands them back', async () => {
    const handler = announceWaves({
      announcer: {
        announce: async () => {
          throw new Error('SQS unavailable');
        },
      },
    });
    const batch = [alertEventInsertRecord({ ...russiaWorkPermits, waveId: 'changes:a' }, '100')];
    expect(await handler({ Records: batch }, localLambdaContext('announce-waves'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '100' }],
    });
  });
});

describe('a sender', () => {
  const jobFor = (waveId: string) => ({
    waveId,
    part: 0,
    contact: 'email:ana@example.org',
    channel: 'email' as const,
    watchIds: ['w-ru'],
    events: [{ id: russiaWorkPermits.id, states: ['RU'] }],
    dedupKey: deliveryJobKey(waveId, 0, 'email:ana@example.org'),
  });

  it('sends the readable jobs of a batch and hands back only the unreadable ones, by message id', async () => {
    const pipeline = await startPipelineHarness();
    await pipeline.addWatch(watch({ id: 'w-ru', events: ['figure.changed'] }));
    await pipeline.store('changes:a', [russiaWorkPermits]);
    const handler = sendJobs({ ...pipeline.sendDependencies() });
    const batch = [
      sqsRecord('m-1', JSON.stringify(jobFor('changes:a'))),
      sqsRecord('m-2', '{"waveId": "changes:a"}'),
      sqsRecord('m-3', 'not json'),
    ];
    expect(await handler({ Records: batch }, localLambdaContext('send-jobs', 60_000))).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }],
    });
    expect(await handler({ Records: batch.slice(0, 1) }, localLambdaContext('send-jobs', 60_000))).toEqual({
      batchItemFailures: [],
    });
    expect(pipeline.sent().map(({ to }) => to)).toEqual(['ana@example.org']);
  });

  it('hands back, unstarted, every job it has no time left for', async () => {
    const pipeline = await startPipelineHarness();
    await pipeline.addWatch(watch({ id: 'w-ru', events: ['figure.changed'] }));
    await pipeline.store('changes:a', [russiaWorkPermits]);
    const handler = sendJobs({ ...pipeline.sendDependencies() }, { reserveMillis: 10_000 });
    const nearlyOut: Context = { ...localLambdaContext('send-jobs'), getRemainingTimeInMillis: () => 9_000 };
    expect(await handler({ Records: [sqsRecord('m-1', JSON.stringify(jobFor('changes:a')))] }, nearlyOut)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }],
    });
    expect(pipeline.sent()).toEqual([]);
  });

  it('hands a throttled job back even when SQS refuses to delay it: it comes again after the visibility timeout', async () => {
    const pipeline = await startPipelineHarness();
    await pipeline.addWatch(watch({ id: 'w-ru', events: ['figure.changed'] }));
    await pipeline.store('changes:a', [russiaWorkPermits]);
    let attempts = 0;
    pipeline.useSender({
      send: async () => {
        attempts += 1;
        throw new NotifierError('throttled', 'Maximum sending rate exceeded');
      },
    });
    const deps = pipeline.sendDependencies();
    const handler = sendJobs({
      ...deps,
      backoff: {
        ...deps.backoff,
        visibility: {
          returnAfter: async () => {
            throw new Error('The receipt handle has expired');
          },
        },
      },
    });
    expect(
      await handler(
        { Records: [sqsRecord('m-1', JSON.stringify(jobFor('changes:a')))] },
        // The sender's 30 s: with the default 10 s, under its reserve, the job would go back unstarted and prove nothing.
        localLambdaContext('send-jobs', 30_000),
      ),
    ).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect(attempts).toBe(1);
    expect(pipeline.sent()).toEqual([]);
  });
});
