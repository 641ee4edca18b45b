import { beforeEach, describe, expect, it } from 'vitest';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { startPipelineHarness } from '../support/pipeline-harness.ts';
import { russiaWorkPermits, watch } from '../support/watch-fixtures.ts';

const WAVE = 'changes:2019-03-23T06:00:00.000Z';
const STORED_AT = '2019-03-23T06:00:00.000Z';

let pipeline: Awaited<ReturnType<typeof startPipelineHarness>>;
beforeEach(async () => {
  pipeline = await startPipelineHarness();
  await pipeline.addWatch(watch({ id: 'w-email', events: ['figure.changed'] }));
  await pipeline.addWatch(
    watch({ id: 'w-sms', owner: 'user-2', events: ['figure.changed'], channel: { sms: '+447700900123' } }),
  );
  await pipeline.store(WAVE, [{ ...russiaWorkPermits, storedAt: STORED_AT }]);
  await pipeline.plan(WAVE);
  pipeline.setNow('2019-03-23T06:01:30.000Z');
});

/** The value of each document of the metric, with its channel. */
const values = (name: string) =>
  pipeline.metrics.filter((document) => name in document).map((document) => [document['channel'], document[name]]);

describe("the delivery pipeline's metrics", () => {
  it('counts each message sent by channel, and its latency from the event being stored to the provider taking it', async () => {
    await pipeline.sendAll();

    expect(values('MessagesSent').sort()).toEqual([
      ['email', 1],
      ['sms', 1],
    ]);
    expect(values('StreamToSendLatency').sort()).toEqual([
      ['email', 90_000],
      ['sms', 90_000],
    ]);
  });

  it("counts messages deferred by the address cap or the day's texts and a message refused for good, none of them as sent", async () => {
    // A day's first wave takes the email cap of 1 and the deployment's one text of the day.
    pipeline.useDailyCaps({ email: 1, sms: 10 });
    pipeline.useSendBudgets({ ...pipeline.deps.sendBudgets, accountTextsPerDay: 1 });
    await pipeline.sendAll();
    const later = 'changes:2019-03-23T07:00:00.000Z';
    await pipeline.store(later, [{ ...russiaWorkPermits, id: 'later', dedupKey: 'later', storedAt: STORED_AT }]);
    await pipeline.plan(later);
    await pipeline.sendAll();

    expect(values('MessagesSent').sort()).toEqual([
      ['email', 1],
      ['sms', 1],
    ]);
    expect(values('MessagesDeferred').sort()).toEqual([
      ['email', 1],
      ['sms', 1],
    ]);

    pipeline.useSender({ send: async () => Promise.reject(new NotifierError('rejected', 'Invalid parameter')) });
    pipeline.useDailyCaps({ email: 50, sms: 10 });
    pipeline.setNow('2019-03-24T06:00:00.000Z');
    await pipeline.sendAll();
    await pipeline.store('changes:2019-03-24T06:00:00.000Z', [
      { ...russiaWorkPermits, id: 'next-day', dedupKey: 'next-day', storedAt: STORED_AT },
    ]);
    await pipeline.plan('changes:2019-03-24T06:00:00.000Z');
    await pipeline.sendAll();
    // Yesterday's two deferred jobs come again with the day's wave: all four are refused.
    expect(values('MessagesFailed').sort()).toEqual([
      ['email', 1],
      ['email', 1],
      ['sms', 1],
      ['sms', 1],
    ]);
    expect(values('MessagesSent')).toHaveLength(2);
  });

  it('puts no address, number, watch or contact in any metric line', async () => {
    await pipeline.sendAll();

    const lines = JSON.stringify(pipeline.metrics);
    expect(pipeline.metrics.length).toBeGreaterThan(0);
    for (const personal of ['ana@example.org', '+447700900123', '7700900123', 'w-email', 'w-sms', 'user-1', 'user-2'])
      expect(lines).not.toContain(personal);
  });
});
