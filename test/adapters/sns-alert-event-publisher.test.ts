import { PublishBatchCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSnsAlertEventPublisher,
  SnsAlertEventPublisher,
} from '../../lambdas/adapters/sns/alert-event-publisher.ts';
import { ALERT_EVENTS_TOPIC_ARN_ENV } from '../../lambdas/contracts/environment.ts';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { alertEventId } from '../../lambdas/core/alerts/alert-event-id.ts';
import { russiaWorkPermits } from '../support/watch-fixtures.ts';

const sns = mockClient(SNSClient);
beforeEach(() => sns.reset());

const topicArn = 'arn:aws:sns:eu-west-1:111122223333:SanctionsWatch-AlertEventsTopic-1A2B3C';
const publisher = () => new SnsAlertEventPublisher(new SNSClient({}), topicArn);

/** An overdue report of state `n`, with the id the store would give it. */
const overdue = (n: number): AlertEvent => {
  const dedupKey = `report.overdue:2397-p8-midterm:2019-03-22:S${n}`;
  return {
    id: alertEventId(dedupKey),
    type: 'report.overdue',
    at: '2019-03-23T06:00:00.000Z',
    state: `S${n}`,
    obligationId: '2397-p8-midterm',
    data: { title: 'Midterm report', dueDate: '2019-03-22', daysOverdue: 1, stateName: `State ${n}` },
    dedupKey,
  };
};

const entriesSent = () =>
  sns.commandCalls(PublishBatchCommand).map((call) => call.args[0].input.PublishBatchRequestEntries ?? []);

/** Answers every PublishBatch as SNS does when all its entries were taken. */
const acceptAll = () =>
  sns.on(PublishBatchCommand).callsFake((input: { PublishBatchRequestEntries: { Id: string }[] }) => ({
    Successful: input.PublishBatchRequestEntries.map(({ Id }) => ({ Id, MessageId: `m-${Id}` })),
    Failed: [],
  }));

describe('the SNS alert-event publisher', () => {
  it('publishes each event to the topic with its JSON body and String attributes, the event id as entry id', async () => {
    acceptAll();

    await expect(publisher().publish([russiaWorkPermits])).resolves.toEqual({ failedIds: [] });

    expect(sns.commandCalls(PublishBatchCommand).map((call) => call.args[0].input)).toEqual([
      {
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          {
            Id: 't-G9AL5Sw73znxKNgZirwA',
            Message: expect.any(String),
            MessageAttributes: {
              type: { DataType: 'String', StringValue: 'figure.changed' },
              state: { DataType: 'String', StringValue: 'RU' },
              metric: { DataType: 'String', StringValue: 'work-permits.valid' },
            },
          },
        ],
      },
    ]);
    expect(JSON.parse(entriesSent()[0]?.[0]?.Message ?? '')).toEqual({
      version: 1,
      id: 't-G9AL5Sw73znxKNgZirwA',
      type: 'figure.changed',
      at: '2019-03-25T10:00:00.000Z',
      state: 'RU',
      metric: 'work-permits.valid',
      data: russiaWorkPermits.data,
    });
  });

  it('sends 25 events in three calls of 10, 10 and 5, in order', async () => {
    acceptAll();
    const events = Array.from({ length: 25 }, (_, n) => overdue(n));

    await expect(publisher().publish(events)).resolves.toEqual({ failedIds: [] });

    expect(entriesSent().map((entries) => entries.length)).toEqual([10, 10, 5]);
    expect(
      entriesSent()
        .flat()
        .map((entry) => entry.Id),
    ).toEqual(events.map((event) => event.id));
    expect(entriesSent()[0]?.[0]?.MessageAttributes).toEqual({
      type: { DataType: 'String', StringValue: 'report.overdue' },
      state: { DataType: 'String', StringValue: 'S0' },
      obligation: { DataType: 'String', StringValue: '2397-p8-midterm' },
    });
  });

  it('closes a batch before its bodies and attributes would pass 256 KiB', async () => {
    acceptAll();
    // About 100 KB each: two fit in a batch, a third would not.
    const large = (n: number): AlertEvent => ({ ...overdue(n), data: { note: 'x'.repeat(100_000) } });

    await publisher().publish([large(1), large(2), large(3), large(4), large(5)]);

    expect(entriesSent().map((entries) => entries.length)).toEqual([2, 2, 1]);
  });

  it('returns the ids SNS listed as Failed, and those it left out of its answer, as failed', async () => {
    const events = [overdue(1), overdue(2), overdue(3)];
    const [first, second, third] = events.map((event) => event.id) as [string, string, string];
    sns.on(PublishBatchCommand).resolves({
      Successful: [{ Id: first, MessageId: 'm-1' }],
      Failed: [{ Id: second, Code: 'InternalError', SenderFault: false, Message: 'try again' }],
    });

    await expect(publisher().publish(events)).resolves.toEqual({ failedIds: [second, third] });
  });

  it('publishes an event read twice once', async () => {
    acceptAll();

    await expect(publisher().publish([overdue(1), overdue(1)])).resolves.toEqual({ failedIds: [] });

    expect(entriesSent().map((entries) => entries.map(({ Id }) => Id))).toEqual([[overdue(1).id]]);
  });

  it('fails, without sending it, an event whose id SNS would refuse as an entry id (and with it the whole batch)', async () => {
    acceptAll();
    const odd = { ...overdue(1), id: 'not/base64url' };

    await expect(publisher().publish([odd, overdue(2)])).resolves.toEqual({ failedIds: ['not/base64url'] });

    expect(
      entriesSent()
        .flat()
        .map(({ Id }) => Id),
    ).toEqual([overdue(2).id]);
  });

  it('when throttled, fails that batch and sends no more: the rest waits for the retry', async () => {
    const events = Array.from({ length: 25 }, (_, n) => overdue(n));
    sns
      .on(PublishBatchCommand)
      .resolvesOnce({
        Successful: events.slice(0, 10).map(({ id }) => ({ Id: id, MessageId: `m-${id}` })),
        Failed: [],
      })
      .rejects(new ThrottledException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }));

    const { failedIds } = await publisher().publish(events);

    expect(failedIds).toEqual(events.slice(10).map(({ id }) => id));
    expect(sns.commandCalls(PublishBatchCommand)).toHaveLength(2);
  });

  it('when a batch is refused for good, fails that batch and goes on with the next', async () => {
    const events = Array.from({ length: 15 }, (_, n) => overdue(n));
    sns
      .on(PublishBatchCommand)
      .rejectsOnce(Object.assign(new Error('Invalid parameter'), { name: 'InvalidParameterException' }))
      .resolves({ Successful: events.slice(10).map(({ id }) => ({ Id: id, MessageId: `m-${id}` })), Failed: [] });

    const { failedIds } = await publisher().publish(events);

    expect(failedIds).toEqual(events.slice(0, 10).map(({ id }) => id));
    expect(sns.commandCalls(PublishBatchCommand)).toHaveLength(2);
  });

  it('calls SNS not at all for no events', async () => {
    await expect(publisher().publish([])).resolves.toEqual({ failedIds: [] });
    expect(sns.calls()).toHaveLength(0);
  });
});

describe('createSnsAlertEventPublisher', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('publishes to the topic the stack names', async () => {
    vi.stubEnv(ALERT_EVENTS_TOPIC_ARN_ENV, topicArn);
    acceptAll();

    await createSnsAlertEventPublisher(new SNSClient({})).publish([russiaWorkPermits]);

    expect(sns.commandCalls(PublishBatchCommand)[0]?.args[0].input.TopicArn).toBe(topicArn);
  });

  it('fails at once without the topic', () => {
    vi.stubEnv(ALERT_EVENTS_TOPIC_ARN_ENV, '');
    expect(() => createSnsAlertEventPublisher(new SNSClient({}))).toThrow(ALERT_EVENTS_TOPIC_ARN_ENV);
  });
});
