import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import type { LocalRuntime } from '../../local/runtime.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { startTestRuntime } from '../support/test-runtime.ts';

let runtime: LocalRuntime;
let stop: () => Promise<void>;
beforeAll(async () => {
  // Short, so the test is quick; the stack's window is 60 s.
  ({ runtime, stop } = await startTestRuntime('delivery', { groupingWindowMs: 1500 }));
});
afterAll(() => stop());

const call = async (method: string, path: string, body: unknown, user: string, admin = false) => {
  const token = await runtime.issueToken(user, { admin });
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

const outbox = (): OutboxEntry[] => readOutbox(runtime.outboxFile);

describe('delivery on the local runtime (stream → announcer → planner → sender → outbox; hourly job → sender)', () => {
  it('takes a watch from registration through confirmation to one grouped message for a report and its figures', async () => {
    const watch = await call(
      'POST',
      '/watches',
      {
        target: { states: ['RU'] },
        events: ['report.received', 'figure.changed'],
        channel: { email: 'ana@example.org' },
      },
      'ana',
    );
    expect(watch.status).toBe(201);
    expect((await confirmByMail(runtime.outboxFile, 'ana@example.org')).status).toBe(200);

    const recorded = await call(
      'POST',
      '/states/RU/reports',
      {
        obligationId: '2397-p8-midterm',
        reportDate: '2019-03-22',
        symbol: 'S/AC.49/2019/35',
        figures: [
          {
            metric: 'work-permits.valid',
            value: 11_490,
            asOf: '2018-12-31',
            source: { kind: 'un-report', ref: 'Russia midterm report' },
          },
        ],
      },
      'ada',
      true,
    );
    expect(recorded.status).toBe(201);
    await runtime.streamIdle();

    const alerts = outbox().filter(({ eventIds }) => eventIds.length > 0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ to: 'ana@example.org', channel: 'email' });
    expect(alerts[0]?.eventIds).toHaveLength(2);
    expect(alerts[0]?.text).toContain('S/AC.49/2019/35');
    expect(alerts[0]?.text).toContain('11,490');
    const log = await fetch(`${runtime.apiUrl}/watches/${String(watch.json.id)}/deliveries`, {
      headers: { authorization: `Bearer ${await runtime.issueToken('ana')}` },
    });
    expect(await log.json()).toMatchObject({ count: 1, deliveries: [{ kind: 'alert', status: 'sent' }] });
  });

  it("holds a digest watch's news for its hour, when the hourly job queues it and the email sender sends it", async () => {
    const watch = await call(
      'POST',
      '/watches',
      {
        target: { states: ['NG'] },
        events: ['report.received'],
        channel: { email: 'bo@example.org' },
        delivery: { mode: 'digest', digestHourUtc: 7 },
      },
      'bo',
    );
    expect(watch.status).toBe(201);
    expect((await confirmByMail(runtime.outboxFile, 'bo@example.org')).status).toBe(200);
    const recorded = await call(
      'POST',
      '/states/NG/reports',
      { obligationId: '2397-p8-midterm', reportDate: '2019-04-01', symbol: 'S/AC.49/2019/99' },
      'ada',
      true,
    );
    expect(recorded.status).toBe(201);
    await runtime.streamIdle();
    const toBo = () => outbox().filter(({ to, eventIds }) => to === 'bo@example.org' && eventIds.length > 0);
    expect(toBo()).toEqual([]);

    expect(await runtime.runScheduledDelivery(new Date('2019-04-02T06:00:00Z'))).toMatchObject({ digests: 0 });
    expect(await runtime.runScheduledDelivery(new Date('2019-04-02T07:00:00Z'))).toMatchObject({ digests: 1 });
    await runtime.streamIdle();
    expect(toBo()).toHaveLength(1);
    expect(toBo()[0]?.subject).toMatch(/^Digest: /);
    expect(toBo()[0]?.text).toContain('S/AC.49/2019/99');
    // The next day's hour finds nothing left to send.
    expect(await runtime.runScheduledDelivery(new Date('2019-04-03T07:00:00Z'))).toMatchObject({ digests: 0 });
    const log = await fetch(`${runtime.apiUrl}/watches/${String(watch.json.id)}/deliveries`, {
      headers: { authorization: `Bearer ${await runtime.issueToken('bo')}` },
    });
    expect(await log.json()).toMatchObject({ count: 1, deliveries: [{ kind: 'digest', status: 'sent' }] });
  });
});
