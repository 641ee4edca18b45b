import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import { queueDigests, queueRepeats } from '../../lambdas/core/delivery/plan-scheduled-jobs.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { contactOf } from '../../lambdas/core/watches/watch.ts';
import { midtermReporters } from '../support/midterm-reporters.ts';
import { startPipelineHarness } from '../support/pipeline-harness.ts';
import { checkerEvents, midtermReportReceived, report, russiaWorkPermits, watch } from '../support/watch-fixtures.ts';

/** The checker's run on 2019-03-23, the day after the midterm reports fell due: 145 states overdue, 53 of them African. */
const reports = midtermReporters.map((code) => report(code, '2019-03-20'));
const overdueRun = checkerEvents('2019-03-23T06:00:00Z', reports).filter(({ type }) => type === 'report.overdue');
const africaWatch = (fields: Parameters<typeof watch>[0]) =>
  watch({ target: { groups: ['africa'] }, events: ['report.overdue'], ...fields });

let harness: Awaited<ReturnType<typeof startPipelineHarness>>;
beforeEach(async () => {
  harness = await startPipelineHarness();
});

let waves = 0;
/** The events stored as one wave, planned and sent as the pipeline's functions would: what each job came to. */
const deliverWave = async (events: readonly AlertEvent[]) => {
  waves += 1;
  const waveId = `test:${waves}`;
  await harness.store(waveId, events);
  const planned = await harness.plan(waveId);
  await harness.runShards();
  return { planned, sent: await harness.sendAll() };
};

describe('alert delivery through the pipeline (real DynamoDB Local, outbox sender)', () => {
  it('sends an africa watch one message naming the 53 overdue African states, not 53 messages', async () => {
    await harness.addWatch(africaWatch({ id: 'w-africa' }));
    const { sent } = await deliverWave(overdueRun);
    const [message, ...more] = harness.sent();
    expect(more).toEqual([]);
    expect(message?.to).toBe('ana@example.org');
    expect(message?.eventIds).toHaveLength(53);
    expect(message?.subject).toMatch(/^53 states overdue/);
    expect(message?.text).toContain('- Nigeria (NG): 1 day overdue');
    expect(message?.text).not.toContain('Equatorial Guinea');
    expect(sent.map(({ status }) => status)).toEqual(['sent']);
  });

  it('gives a contact with two matching watches one message, with each event once', async () => {
    await harness.addWatch(africaWatch({ id: 'w-africa' }));
    await harness.addWatch(
      watch({ id: 'w-nigeria', target: { states: ['NG'] }, channel: { email: 'Ana@Example.org' } }),
    );
    await deliverWave(overdueRun);
    const [message, ...more] = harness.sent();
    expect(more).toEqual([]);
    expect(message?.eventIds).toHaveLength(53);
    const log = await harness.deps.deliveryLog.listForWatch('w-nigeria', { limit: 10 });
    expect(log.entries.map(({ status, watchIds }) => ({ status, watchIds }))).toEqual([
      { status: 'sent', watchIds: ['w-africa', 'w-nigeria'] },
    ]);
  });

  it('sends nothing for paused or muted watches, and queues nothing for them', async () => {
    await harness.addWatch(africaWatch({ id: 'w-paused', status: 'paused' }));
    await harness.addWatch(
      africaWatch({ id: 'w-muted', channel: { email: 'bo@example.org' }, mutedUntil: '2019-04-01T00:00:00Z' }),
    );
    await harness.addWatch(
      africaWatch({
        id: 'w-digest-paused',
        channel: { email: 'cy@example.org' },
        status: 'paused',
        delivery: { mode: 'digest', digestHourUtc: 7, resolved: false },
      }),
    );
    const { planned } = await deliverWave(overdueRun);
    expect(planned).toMatchObject({ jobs: 0, digest: 0 });
    expect(harness.sent()).toEqual([]);
    expect(await harness.deps.digests.listForHour(7)).toEqual([]);
  });

  it('tells a watch with resolved: true when an overdue state finally reports', async () => {
    await harness.addWatch(
      watch({
        id: 'w-resolved',
        target: { states: ['NG'] },
        events: ['report.overdue'],
        delivery: { mode: 'immediate', resolved: true },
      }),
    );
    await harness.addWatch(
      watch({
        id: 'w-plain',
        target: { states: ['NG'] },
        events: ['report.overdue'],
        channel: { email: 'bo@example.org' },
      }),
    );
    const late = midtermReportReceived(report('NG', '2019-06-01', { recordedAt: '2019-06-02T09:00:00.000Z' }));
    await deliverWave([late]);
    const sent = harness.sent();
    expect(sent.map(({ to }) => to)).toEqual(['ana@example.org']);
    expect(sent[0]?.text).toMatch(/no longer overdue/);
  });

  it("applies minChangePct to figure changes: Russia's -61.7% passes 10%, not 70%", async () => {
    await harness.addWatch(
      watch({ id: 'w-10', events: ['figure.changed'], minChangePct: 10, channel: { sms: '+447700900123' } }),
    );
    await harness.addWatch(
      watch({ id: 'w-70', events: ['figure.changed'], minChangePct: 70, channel: { email: 'bo@example.org' } }),
    );
    await deliverWave([russiaWorkPermits]);
    const sent = harness.sent();
    expect(sent.map(({ channel, to }) => ({ channel, to }))).toEqual([{ channel: 'sms', to: '+447700900123' }]);
    expect(sent[0]?.text).toContain('30,023->11,490 (-61.7%)');
  });

  it('queues digest watches and sends each contact one digest at its hour, once, through the sender', async () => {
    await harness.addWatch(
      africaWatch({ id: 'w-digest', delivery: { mode: 'digest', digestHourUtc: 7, resolved: false } }),
    );
    const { planned } = await deliverWave(overdueRun);
    expect(planned).toMatchObject({ digest: 53 });
    expect(harness.sent()).toEqual([]);
    const deps = harness.scheduledDependencies();
    expect(await queueDigests(new Date('2019-03-23T06:00:00Z'), deps)).toBe(0);
    expect(await queueDigests(new Date('2019-03-23T07:00:00Z'), deps)).toBe(1);
    expect(harness.deliveryQueue).toMatchObject([{ kind: 'digest', waveId: 'digest:2019-03-23T07', part: 0 }]);
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['sent']);
    expect(harness.sent()).toHaveLength(1);
    expect(harness.sent()[0]?.eventIds).toHaveLength(53);
    expect(harness.sent()[0]?.subject).toMatch(/^Digest: 53 states overdue/);
    expect(harness.sent()[0]?.text).toMatch(/^Your daily sanctions-watch digest/);
    const log = await harness.deps.deliveryLog.listForWatch('w-digest', { limit: 5 });
    expect(log.entries.map(({ kind, status }) => ({ kind, status }))).toEqual([{ kind: 'digest', status: 'sent' }]);
    expect(await queueDigests(new Date('2019-03-24T07:00:00Z'), deps)).toBe(0);
  });

  it('ends the digest of an address that signed itself up with its signed manage link', async () => {
    await harness.addWatch(
      africaWatch({ id: 'w-digest', delivery: { mode: 'digest', digestHourUtc: 7, resolved: false } }),
    );
    const contact = await harness.deps.contacts.get('email:ana@example.org');
    if (contact) await harness.deps.contacts.put({ ...contact, signedUp: true }, contact);
    await deliverWave(overdueRun);
    await queueDigests(new Date('2019-03-23T07:00:00Z'), harness.scheduledDependencies());
    await harness.sendAll();
    expect(harness.sent()[0]?.text).toMatch(/To change or stop this watch: \S+\/manage\?token=/);
  });

  it('parks a digest the provider refused for good with its job, so redrive can replay it', async () => {
    await harness.addWatch(
      africaWatch({ id: 'w-digest', delivery: { mode: 'digest', digestHourUtc: 7, resolved: false } }),
    );
    await deliverWave(overdueRun);
    harness.useSender({
      send: async () => Promise.reject(new NotifierError('misconfigured', 'the identity is not verified')),
    });
    expect(await queueDigests(new Date('2019-03-23T07:00:00Z'), harness.scheduledDependencies())).toBe(1);
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['failed']);
    expect(harness.parked).toEqual([
      expect.objectContaining({ kind: 'digest', job: expect.objectContaining({ kind: 'digest' }) }),
    ]);
  });

  it("holds a digest over the contact's daily cap back, unsent and unrecorded, and sends it the next day", async () => {
    await harness.addWatch(
      africaWatch({ id: 'w-digest', delivery: { mode: 'digest', digestHourUtc: 7, resolved: false } }),
    );
    await deliverWave(overdueRun);
    harness.useDailyCaps({ email: 1, sms: 1 });
    await harness.deps.sendCounter.take('email:ana@example.org', isoDate('2019-03-23'), 1);
    harness.setNow('2019-03-23T07:00:00Z');
    expect(await queueDigests(new Date('2019-03-23T07:00:00Z'), harness.scheduledDependencies())).toBe(1);
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['deferred']);
    expect(harness.sent()).toEqual([]);
    expect((await harness.deps.deliveryLog.listForWatch('w-digest', { limit: 5 })).entries).toEqual([]);

    harness.setNow('2019-03-24T00:00:05Z');
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['sent']);
    expect(harness.sent()[0]?.eventIds).toHaveLength(53);
  });

  it("holds a message over the contact's daily cap back, unsent and unrecorded, and sends it the next day", async () => {
    harness.useDailyCaps({ email: 1, sms: 1 });
    await harness.addWatch(
      africaWatch({
        id: 'w-africa',
        events: ['report.overdue', 'figure.changed'],
        target: { groups: ['africa'], states: ['RU'] },
      }),
    );
    await deliverWave(overdueRun);
    harness.setNow('2019-03-23T10:00:00Z');
    const second = await deliverWave([russiaWorkPermits]);
    expect(second.sent.map(({ status }) => status)).toEqual(['deferred']);
    expect(harness.sent()).toHaveLength(1);
    const log = await harness.deps.deliveryLog.listForWatch('w-africa', { limit: 5 });
    expect(log.entries.map(({ status }) => status)).toEqual(['sent']);

    harness.setNow('2019-03-24T00:00:05Z');
    expect(await harness.sendAll()).toMatchObject([{ status: 'sent' }]);
    expect(harness.sent().map(({ eventIds }) => eventIds.includes(russiaWorkPermits.id))).toEqual([false, true]);
  });

  it('stops an SMS watch whose number opted out, without sending', async () => {
    await harness.addWatch(watch({ id: 'w-stop', channel: { sms: '+15550100999' } }));
    const { sent } = await deliverWave([russiaWorkPermits]);
    expect(sent.map(({ status }) => status)).toEqual(['skipped']);
    expect(harness.sent()).toEqual([]);
    expect((await harness.deps.watches.get('w-stop'))?.status).toBe('opted-out');
    expect((await harness.deps.contacts.get('sms:+15550100999'))?.state).toBe('opted-out');
  });

  it('parks a refusal that retrying cannot cure, with its context by contact key and never the address, and records it as failed', async () => {
    await harness.addWatch(watch({ id: 'w-refused' }));
    harness.useSender({
      send: async () =>
        Promise.reject(
          new NotifierError('misconfigured', 'Identities failed the check: Ana@Example.org, KMS key disabled'),
        ),
    });
    const { sent } = await deliverWave([russiaWorkPermits]);
    expect(sent.map(({ status }) => status)).toEqual(['failed']);
    expect(harness.parked).toEqual([
      expect.objectContaining({
        contactKey: contactKeyOf(contactOf(watch({ id: 'x' }))),
        code: 'misconfigured',
        message: 'Identities failed the check: <address>, KMS key disabled',
        eventIds: [russiaWorkPermits.id],
        watchIds: ['w-refused'],
        kind: 'alert',
      }),
    ]);
  });
});

describe('repeats', () => {
  /** A watch on Nigeria that repeats every 7 days, and the check of 2019-03-23 delivered to it (its first message). */
  const watchNigeriaWeeklyThroughTheCheck = async () => {
    await harness.addWatch(
      watch({
        id: 'w-repeat',
        target: { states: ['NG'] },
        events: ['report.overdue'],
        delivery: { mode: 'immediate', repeatEveryDays: 7, resolved: false },
      }),
    );
    await deliverWave(overdueRun);
  };

  it('re-announces a still-overdue state every repeatEveryDays, once per round, until it reports', async () => {
    await watchNigeriaWeeklyThroughTheCheck();
    expect(harness.sent()).toHaveLength(1);
    const deps = harness.scheduledDependencies();

    expect(await queueRepeats(new Date('2019-03-29T06:00:00Z'), deps)).toBe(0);
    harness.setNow('2019-03-30T06:00:00Z');
    expect(await queueRepeats(new Date('2019-03-30T06:00:00Z'), deps)).toBe(1);
    expect(harness.deliveryQueue).toMatchObject([
      { kind: 'repeat', waveId: 'repeat:2019-03-30', events: [{ states: ['NG'], round: 1 }] },
    ]);
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['sent']);
    expect(harness.sent().at(-1)?.text).toContain('- Nigeria (NG): 8 days overdue');
    expect(harness.sent().at(-1)?.subject).toMatch(/^Reminder: Nigeria overdue: /);
    // What is recorded as told is the round, not the overdue event: a digest of that event could still come.
    const [reminder] = harness.sent().slice(-1);
    const nigeriaOverdue = overdueRun.find(({ state }) => state === 'NG')?.id ?? '';
    const told = await harness.deps.deliveryLog.recorded([
      { contact: 'email:ana@example.org', eventIds: [nigeriaOverdue, ...(reminder?.eventIds ?? [])] },
    ]);
    expect([nigeriaOverdue, ...(reminder?.eventIds ?? [])].map((id) => told('email:ana@example.org', id))).toEqual([
      false,
      true,
    ]);
    // The next hour's run finds the round told.
    expect(await queueRepeats(new Date('2019-03-30T07:00:00Z'), deps)).toBe(0);

    await harness.deps.stateRecords.recordReport(report('NG', '2019-04-02'), []);
    expect(await queueRepeats(new Date('2019-04-06T06:00:00Z'), deps)).toBe(0);
    expect(harness.sent()).toHaveLength(2);
  });

  it('sends a round once when the hourly job ran again before its job went out', async () => {
    await watchNigeriaWeeklyThroughTheCheck();
    const deps = harness.scheduledDependencies();
    harness.setNow('2019-03-30T06:00:00Z');
    expect(await queueRepeats(new Date('2019-03-30T06:00:00Z'), deps)).toBe(1);
    expect(await queueRepeats(new Date('2019-03-30T06:00:00Z'), deps)).toBe(1);
    expect((await harness.sendAll()).map(({ status }) => status)).toEqual(['sent', 'duplicate']);
    expect(harness.sent()).toHaveLength(2);
  });
});
