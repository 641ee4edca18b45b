import { beforeEach, describe, expect, it } from 'vitest';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import { listWatchDeliveries } from '../../lambdas/core/delivery/delivery-query.ts';
import type { WavePlans } from '../../lambdas/core/ports/delivery-pipeline.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { handlerFor as sendJobs } from '../../lambdas/handlers/queue/send-jobs.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { midtermReporters } from '../support/midterm-reporters.ts';
import { startPipelineHarness } from '../support/pipeline-harness.ts';
import { sqsRecord } from '../support/sqs-record.ts';
import { checkerEvents, report, russiaWorkPermits, watch } from '../support/watch-fixtures.ts';

/** The checker's run on 2019-03-23: 145 states overdue with the midterm report, 53 of them African. */
const WAVE = 'check:2019-03-23T06:00:00.000Z';
const reports = midtermReporters.map((code) => report(code, '2019-03-20'));
const overdueRun = checkerEvents('2019-03-23T06:00:00Z', reports).filter(({ type }) => type === 'report.overdue');
const africaWatch = (fields: Parameters<typeof watch>[0]) =>
  watch({ target: { groups: ['africa'] }, events: ['report.overdue'], ...fields });

let pipeline: Awaited<ReturnType<typeof startPipelineHarness>>;
beforeEach(async () => {
  pipeline = await startPipelineHarness();
});

/** 256 shard jobs against DynamoDB Local take 11–16 s alone, and two or three times that in a full run on 2 cores. */
const SHARDED_TIMEOUT_MS = 120_000;

describe('a wave, planned once and sent per contact (real DynamoDB Local)', () => {
  it('gives an africa watch one message naming the 53 overdue African states', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    const planned = await pipeline.plan(WAVE);
    expect(planned).toMatchObject({ status: 'planned', how: 'direct', jobs: 1, events: 145 });
    expect(await pipeline.sendAll()).toEqual([{ status: 'sent', messageId: expect.any(String) }]);
    const [message, ...more] = pipeline.sent();
    expect(more).toEqual([]);
    expect(message?.eventIds).toHaveLength(53);
    expect(message?.subject).toMatch(/^53 states overdue/);
    expect(message?.text).toContain('- Nigeria (NG): 1 day overdue');
    expect(message?.text).toContain('http://localhost:3000/unsubscribe?c=email%3Aana%40example.org&s=');
  });

  it('ends the message to an address that signed itself up with its signed manage link, by email and by SMS', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-mail', channel: { email: 'pia@example.org' } }));
    await pipeline.addWatch(africaWatch({ id: 'w-text', channel: { sms: '+447700900123' } }));
    for (const id of ['email:pia@example.org', 'sms:+447700900123']) {
      const contact = await pipeline.deps.contacts.get(id);
      if (contact) await pipeline.deps.contacts.put({ ...contact, signedUp: true }, contact);
    }
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    await pipeline.sendAll();

    const sentTo = (to: string) => pipeline.sent().find((message) => message.to === to)?.text ?? '';
    const manage = /http:\/\/localhost:3000\/manage\?token=[\w-]+\.[\w-]{43}/;
    expect(sentTo('pia@example.org')).toMatch(new RegExp(`To change or stop this watch: ${manage.source}`));
    expect(sentTo('+447700900123')).toMatch(new RegExp(` Manage: ${manage.source}$`));
  });

  it('leaves the manage link of an address that did not sign itself up as it was: the API', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    await pipeline.sendAll();
    expect(pipeline.sent()[0]?.text).not.toContain('/manage?token=');
  });

  it("tells two owners' watches on one address in one message, and shows each owner only their own watch in its log", async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-uma', owner: 'uma' }));
    await pipeline.addWatch(africaWatch({ id: 'w-otto', owner: 'otto' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    await pipeline.sendAll();
    expect(pipeline.sent()).toHaveLength(1);

    const logOf = async (sub: string, id: string) =>
      listWatchDeliveries({ sub, groups: [], isAdmin: false }, id, { limit: 10 }, pipeline.deps);
    expect((await logOf('uma', 'w-uma')).deliveries.map(({ watchIds }) => watchIds)).toEqual([['w-uma']]);
    expect((await logOf('otto', 'w-otto')).deliveries.map(({ watchIds }) => watchIds)).toEqual([['w-otto']]);
  });

  it('plans a wave announced many times once: later announcements find nothing new', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    expect(await pipeline.plan(WAVE)).toEqual({ status: 'done', events: 145 });
    expect(pipeline.deliveryQueue).toHaveLength(1);
  });

  it('plans events that reach a wave after it was planned as a second part, sent as a second message', async () => {
    await pipeline.addWatch(watch({ id: 'w-ru', target: { states: ['RU'] }, events: ['figure.changed'] }));
    await pipeline.addWatch(africaWatch({ id: 'w-africa', channel: { email: 'bo@example.org' } }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    await pipeline.store(WAVE, [russiaWorkPermits]);
    const late = await pipeline.plan(WAVE);
    expect(late).toMatchObject({ status: 'planned', part: { index: 1, eventIds: [russiaWorkPermits.id] }, jobs: 1 });
    await pipeline.sendAll();
    expect(pipeline.sent().map(({ to, eventIds }) => [to, eventIds.length])).toEqual([
      ['bo@example.org', 53],
      ['ana@example.org', 1],
    ]);
  });

  it(
    'fans a large wave out to the 256 contact shards, which plan the same jobs a direct plan would',
    async () => {
      const watches = [
        africaWatch({ id: 'w-1' }),
        africaWatch({ id: 'w-2', channel: { email: 'bo@example.org' } }),
        watch({ id: 'w-3', target: { all: true }, events: ['report.overdue'], channel: { sms: '+447700900123' } }),
        africaWatch({ id: 'w-4', channel: { email: 'BO@example.org' } }),
      ];
      for (const added of watches) await pipeline.addWatch(added);
      await pipeline.store(WAVE, overdueRun);
      const direct = await startPipelineHarness();
      for (const added of watches) await direct.addWatch(added);
      await direct.store(WAVE, overdueRun);
      await direct.plan(WAVE);

      const sharded = await startPipelineHarness({ directPlanLimit: 2 });
      for (const added of watches) await sharded.addWatch(added);
      await sharded.store(WAVE, overdueRun);
      expect(await sharded.plan(WAVE)).toMatchObject({ status: 'planned', how: 'sharded', shards: 256 });
      expect(sharded.deliveryQueue).toEqual([]);
      await sharded.runShards();
      const byContact = (jobs: typeof direct.deliveryQueue) =>
        [...jobs].sort((a, b) => a.contactKey.localeCompare(b.contactKey));
      expect(byContact(sharded.deliveryQueue)).toEqual(byContact(direct.deliveryQueue));
      expect(sharded.deliveryQueue.map(({ contactKey, watchIds }) => [contactKey, watchIds])).toEqual(
        expect.arrayContaining([
          [contactKeyOf('email:bo@example.org'), ['w-2', 'w-4']],
          [contactKeyOf('email:ana@example.org'), ['w-1']],
          [contactKeyOf('sms:+447700900123'), ['w-3']],
        ]),
      );
    },
    SHARDED_TIMEOUT_MS,
  );

  it('queues digest watches for their hour instead of sending', async () => {
    await pipeline.addWatch(
      africaWatch({ id: 'w-digest', delivery: { mode: 'digest', digestHourUtc: 7, resolved: false } }),
    );
    await pipeline.store(WAVE, overdueRun);
    expect(await pipeline.plan(WAVE)).toMatchObject({ jobs: 0, digest: 53 });
    expect(await pipeline.deps.digests.listForHour(7)).toHaveLength(53);
  });
});

describe('faults: every job sent at most once, none lost', () => {
  it('a planner that dies after enqueuing is replaced after its lease, and plans the same jobs again', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.addWatch(
      watch({ id: 'w-all', target: { all: true }, events: ['report.overdue'], channel: { sms: '+447700900123' } }),
    );
    await pipeline.store(WAVE, overdueRun);
    const real = pipeline.deps.wavePlans;
    const dying: WavePlans = {
      claim: (...args) => real.claim(...args),
      complete: async () => {
        throw new Error('killed before marking the part planned');
      },
    };
    pipeline.useWavePlans(dying);
    await expect(pipeline.plan(WAVE)).rejects.toThrow('killed');
    const first = [...pipeline.deliveryQueue];
    pipeline.useWavePlans(real);
    expect(await pipeline.plan(WAVE)).toEqual({ status: 'busy', events: 145 });
    expect(pipeline.announced).toEqual([WAVE]);
    pipeline.setNow('2019-03-23T06:01:01Z');
    expect(await pipeline.plan(WAVE)).toMatchObject({ status: 'planned', part: { index: 0 } });
    expect(pipeline.deliveryQueue.slice(first.length)).toEqual(first);
    const outcomes = await pipeline.sendAll();
    expect(outcomes.map(({ status }) => status)).toEqual(['sent', 'sent', 'duplicate', 'duplicate']);
    expect(pipeline.sent()).toHaveLength(2);
  });

  it(
    'a shard job run twice (its worker killed mid-shard, or its message seen again) sends each contact one message',
    async () => {
      const sharded = await startPipelineHarness({ directPlanLimit: 1 });
      await sharded.addWatch(africaWatch({ id: 'w-1' }));
      await sharded.addWatch(africaWatch({ id: 'w-2', channel: { email: 'bo@example.org' } }));
      await sharded.store(WAVE, overdueRun);
      await sharded.plan(WAVE);
      const shards = [...sharded.shardQueue];
      await sharded.runShards();
      const first = [...sharded.deliveryQueue];
      sharded.shardQueue.push(...shards);
      await sharded.runShards();
      expect(sharded.deliveryQueue.slice(first.length)).toEqual(first);
      const statuses = (await sharded.sendAll()).map(({ status }) => status).sort();
      expect(statuses).toEqual(['duplicate', 'duplicate', 'sent', 'sent']);
      expect(
        sharded
          .sent()
          .map(({ to }) => to)
          .sort(),
      ).toEqual(['ana@example.org', 'bo@example.org']);
    },
    SHARDED_TIMEOUT_MS,
  );

  it('a job received twice at once is sent by one sender; the other is told to come back', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    const inProvider = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const outbox = pipeline.outbox;
    pipeline.useSender({
      send: async (message) => {
        reached();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return outbox.send(message);
      },
    });
    const first = pipeline.send(job);
    await inProvider;
    const second = await pipeline.send(job);
    release();
    expect([await first, second].map(({ status }) => status)).toEqual(['sent', 'retry-later']);
    expect(await pipeline.send(job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toHaveLength(1);
  });

  it('a sender killed between its claim and its record sends at most one duplicate, and only once the lease ran out', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    const outbox = pipeline.outbox;
    pipeline.useSender({
      send: async (message) => {
        await outbox.send(message);
        throw new Error('killed after the provider accepted the message');
      },
    });
    await expect(pipeline.send(job)).rejects.toThrow('killed');
    pipeline.useSender(outbox);
    expect(await pipeline.send(job)).toEqual({ status: 'retry-later' });
    pipeline.setNow('2019-03-23T06:01:01Z');
    expect(await pipeline.send(job)).toMatchObject({ status: 'sent' });
    expect(await pipeline.send(job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toHaveLength(2);
  });

  it('throttling hands the job back with its claim and day count released; the retry sends it once', async () => {
    await pipeline.addWatch(
      watch({ id: 'w-ru', target: { states: ['RU'] }, events: ['figure.changed'], channel: { sms: '+447700900123' } }),
    );
    await pipeline.store('changes:2019-03-23T06:00:00.000Z', [russiaWorkPermits]);
    await pipeline.plan('changes:2019-03-23T06:00:00.000Z');
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    const outbox = pipeline.outbox;
    let throttles = 3;
    pipeline.useSender({
      send: async (message) => {
        if (throttles-- > 0) throw new NotifierError('throttled', 'Rate exceeded');
        return outbox.send(message);
      },
    });
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await pipeline.send(job)).status);
    expect(statuses).toEqual(['throttled', 'throttled', 'throttled', 'sent', 'duplicate']);
    expect(pipeline.sent()).toHaveLength(1);
    expect(await pipeline.deps.sendCounter.take('sms:+447700900123', isoDate('2019-03-23'), 1)).toBe(false);
  });

  it('throttled jobs come back after growing, jittered delays set on their receipts; none is lost or sent twice', async () => {
    for (const [id, sms] of [
      ['w-1', '+447700900001'],
      ['w-2', '+447700900002'],
      ['w-3', '+447700900003'],
    ] as const)
      await pipeline.addWatch(watch({ id, target: { states: ['RU'] }, events: ['figure.changed'], channel: { sms } }));
    await pipeline.store('changes:2019-03-23T06:00:00.000Z', [russiaWorkPermits]);
    await pipeline.plan('changes:2019-03-23T06:00:00.000Z');
    const jobs = new Map(pipeline.deliveryQueue.splice(0).map((job, index) => [`m-${index}`, job]));
    const outbox = pipeline.outbox;
    let throttles = 12;
    pipeline.useSender({
      send: async (message) => {
        if (throttles-- > 0) throw new NotifierError('throttled', 'Rate exceeded');
        return outbox.send(message);
      },
    });
    const handler = sendJobs(pipeline.sendDependencies());
    // The queue's part: what is handed back comes again, received once more.
    let pending = [...jobs.keys()];
    const receives = new Map<string, number>();
    for (let round = 1; pending.length > 0 && round <= 10; round += 1) {
      const records = pending.map((id) => {
        receives.set(id, (receives.get(id) ?? 0) + 1);
        return sqsRecord(id, JSON.stringify(jobs.get(id)), receives.get(id));
      });
      const { batchItemFailures } = (await handler({ Records: records }, localLambdaContext('send-sms', 30_000))) ?? {
        batchItemFailures: [],
      };
      pending = batchItemFailures.map(({ itemIdentifier }) => itemIdentifier);
    }
    expect(pending).toEqual([]);
    // Three jobs, twelve throttles: each handed back four times, 2, 4, 8 and 16 s (the longest draw of each ceiling).
    expect(pipeline.visibilityChanges.map(({ seconds }) => seconds)).toEqual([2, 2, 2, 4, 4, 4, 8, 8, 8, 16, 16, 16]);
    expect(
      pipeline.visibilityChanges
        .slice(0, 3)
        .map(({ receiptHandle }) => receiptHandle)
        .sort(),
    ).toEqual(['receipt-m-0-1', 'receipt-m-1-1', 'receipt-m-2-1']);
    expect(
      pipeline
        .sent()
        .map(({ to }) => to)
        .sort(),
    ).toEqual(['+447700900001', '+447700900002', '+447700900003']);
  });

  it('draws each throttled job’s delay at random under its ceiling, so jobs throttled together spread out', async () => {
    await pipeline.addWatch(
      watch({ id: 'w-ru', target: { states: ['RU'] }, events: ['figure.changed'], channel: { sms: '+447700900123' } }),
    );
    await pipeline.store('changes:2019-03-23T06:00:00.000Z', [russiaWorkPermits]);
    await pipeline.plan('changes:2019-03-23T06:00:00.000Z');
    const [job] = pipeline.deliveryQueue;
    pipeline.useSender({
      send: async () => {
        throw new NotifierError('throttled', 'Rate exceeded');
      },
    });
    const draws = [0.5, 0.1, 0.9];
    pipeline.useRandom(() => draws.shift() ?? 0);
    const handler = sendJobs(pipeline.sendDependencies());
    for (const receiveCount of [3, 4, 12])
      await handler(
        { Records: [sqsRecord('m-1', JSON.stringify(job), receiveCount)] },
        localLambdaContext('send-sms', 30_000),
      );
    // Ceilings 8, 16 and 60 s.
    expect(pipeline.visibilityChanges.map(({ seconds }) => seconds)).toEqual([4, 1, 54]);
    expect(pipeline.sent()).toEqual([]);
  });

  it("defers texts once the deployment's texts of the day are spent, to the next UTC day, and loses none", async () => {
    for (const [id, sms] of [
      ['w-1', '+447700900001'],
      ['w-2', '+447700900002'],
    ] as const)
      await pipeline.addWatch(watch({ id, target: { states: ['RU'] }, events: ['figure.changed'], channel: { sms } }));
    await pipeline.store('changes:2019-03-23T06:00:00.000Z', [russiaWorkPermits]);
    await pipeline.plan('changes:2019-03-23T06:00:00.000Z');
    pipeline.useSendBudgets({ ...pipeline.deps.sendBudgets, accountTextsPerDay: 1 });
    const jobs = [...pipeline.deliveryQueue];
    const handler = sendJobs(pipeline.sendDependencies());
    pipeline.setNow('2019-03-23T18:00:00Z');

    const first = await handler(
      { Records: jobs.map((job, index) => sqsRecord(`m-${index}`, JSON.stringify(job), 1)) },
      // The sender's 30 s: with less than its 10 s reserve left, a job would go back unstarted.
      localLambdaContext('send-sms', 30_000),
    );

    expect(pipeline.sent()).toHaveLength(1);
    expect(first?.batchItemFailures).toHaveLength(1);
    // Six hours to midnight UTC: it comes again when the day's texts are counted anew.
    expect(pipeline.visibilityChanges.map(({ seconds }) => seconds)).toEqual([6 * 3600]);
    const deferred = jobs[Number(first?.batchItemFailures[0]?.itemIdentifier.slice(2))];
    if (!deferred) throw new Error('no job was deferred');
    pipeline.setNow('2019-03-24T00:00:01Z');
    expect(await pipeline.send(deferred)).toMatchObject({ status: 'sent' });
    expect(
      pipeline
        .sent()
        .map(({ to }) => to)
        .sort(),
    ).toEqual(['+447700900001', '+447700900002']);
  });

  it('parks a refusal that retrying cannot cure, with its job, and settles it as failed', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    pipeline.useSender({
      send: async () => {
        throw new NotifierError('rejected', 'Email address is not verified');
      },
    });
    expect(await pipeline.sendAll()).toEqual([{ status: 'failed' }]);
    expect(pipeline.parked).toMatchObject([
      {
        contactKey: contactKeyOf('email:ana@example.org'),
        code: 'rejected',
        watchIds: ['w-africa'],
        job: { contactKey: contactKeyOf('email:ana@example.org') },
      },
    ]);
    const log = await pipeline.deps.deliveryLog.listForWatch('w-africa', { limit: 5 });
    expect(log.entries).toMatchObject([{ status: 'failed', reason: 'Email address is not verified' }]);
  });

  it('sends a parked job replayed once the cause is fixed, once, though its record was settled failed', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const outbox = pipeline.outbox;
    pipeline.useSender({
      send: async () => {
        throw new NotifierError('rejected', 'Email address is not verified');
      },
    });
    expect(await pipeline.sendAll()).toEqual([{ status: 'failed' }]);
    const [parked] = pipeline.parked;
    if (!parked?.job) throw new Error('the failure was parked without its job');
    pipeline.useSender(outbox);
    pipeline.setNow('2019-03-23T09:00:00Z');

    expect(await pipeline.send(parked.job)).toMatchObject({ status: 'sent' });
    expect(await pipeline.send(parked.job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toHaveLength(1);
    const log = await pipeline.deps.deliveryLog.listForWatch('w-africa', { limit: 5 });
    expect(log.entries.map(({ status }) => status)).toEqual(['sent', 'failed']);
  });

  it('never sends again a job replayed after it was settled sent', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    expect(await pipeline.sendAll()).toMatchObject([{ status: 'sent' }]);

    expect(await pipeline.send(job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toHaveLength(1);
  });

  it("sends once, the next day, a job deferred by the address's daily cap, however often it comes again", async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }));
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    await pipeline.deps.sendCounter.take('email:ana@example.org', isoDate('2019-03-23'), 1);
    pipeline.useDailyCaps({ email: 1, sms: 1 });
    expect(await pipeline.sendAll()).toMatchObject([{ status: 'deferred' }]);
    expect(await pipeline.send(job)).toMatchObject({ status: 'deferred' });
    expect(pipeline.sent()).toEqual([]);

    pipeline.setNow('2019-03-24T00:00:01Z');
    expect(await pipeline.send(job)).toMatchObject({ status: 'sent' });
    expect(await pipeline.send(job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toHaveLength(1);
  });

  it('never sends again a job replayed after it was skipped for an unconfirmed address', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }), 'pending');
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    const [job] = pipeline.deliveryQueue;
    if (!job) throw new Error('no job planned');
    expect(await pipeline.sendAll()).toEqual([{ status: 'skipped' }]);
    const contact = await pipeline.deps.contacts.get('email:ana@example.org');
    if (!contact) throw new Error('no contact stored');
    await pipeline.deps.contacts.put({ ...contact, state: 'confirmed' }, contact);

    expect(await pipeline.send(job)).toEqual({ status: 'duplicate' });
    expect(pipeline.sent()).toEqual([]);
  });

  it('never sends to an address that has not confirmed, and logs why', async () => {
    await pipeline.addWatch(africaWatch({ id: 'w-africa' }), 'pending');
    await pipeline.store(WAVE, overdueRun);
    await pipeline.plan(WAVE);
    expect(await pipeline.sendAll()).toEqual([{ status: 'skipped' }]);
    expect(pipeline.sent()).toEqual([]);
    const log = await pipeline.deps.deliveryLog.listForWatch('w-africa', { limit: 5 });
    expect(log.entries).toMatchObject([{ status: 'skipped', reason: 'the address is pending, not confirmed' }]);
  });
});
