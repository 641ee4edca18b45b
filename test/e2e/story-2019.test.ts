import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gsm7Length, isGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import { type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import type { LocalRuntime } from '../../local/runtime.ts';
import { type ApiCall, ApiCallError, apiCaller } from '../../local/sample/local-api-client.ts';
import { recordSampleRecord } from '../../local/sample/record-sample.ts';
import { sampleRecords } from '../../local/sample/sample-data-2019.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { startTestRuntime } from '../support/test-runtime.ts';

/**
 * The 2019 story end to end, as a newcomer would live it: the local runtime (the real handlers
 * over HTTP, DynamoDB Local and its stream, change detection, the dispatcher, the outbox), two
 * users registering and confirming watches, admins recording the sample facts and running the
 * daily check on chosen days, and the outbox read as a subscriber's inbox.
 */
let runtime: LocalRuntime;
let stop: () => Promise<void>;
let admin: ApiCall;
let ana: ApiCall;
let otto: ApiCall;

beforeAll(async () => {
  // Each wave is held until the step's stream is idle, so a whole check run goes out in one message
  // however long DynamoDB Local takes to store it (27 s on a loaded machine, where 60 s does in AWS).
  ({ runtime, stop } = await startTestRuntime('story', { holdWavesUntilIdle: true }));
  admin = apiCaller(runtime.apiUrl, await runtime.issueToken('ada', { admin: true }));
  ana = apiCaller(runtime.apiUrl, await runtime.issueToken('ana'));
  otto = apiCaller(runtime.apiUrl, await runtime.issueToken('otto'));
});
afterAll(() => stop());

const outbox = (): OutboxEntry[] => readOutbox(runtime.outboxFile);
const alertsTo = (to: string): OutboxEntry[] =>
  outbox().filter((entry) => entry.to === to && entry.eventIds.length > 0);
const lastTextTo = (to: string): string =>
  outbox()
    .filter((entry) => entry.to === to)
    .at(-1)?.text ?? '';

const check = async (day: string): Promise<number> => {
  const { count } = (await admin('POST', '/checks', { at: `${day}T06:00:00.000Z` })) as { count: number };
  await runtime.streamIdle({ closeWindow: true });
  return count;
};

const recordUpTo = async (day: string, after = '0000-00-00'): Promise<void> => {
  for (const record of sampleRecords.filter(({ arrives }) => arrives > after && arrives <= day))
    await recordSampleRecord(record, admin);
  await runtime.streamIdle({ closeWindow: true });
};

const failure = async (call: Promise<unknown>): Promise<ApiCallError> => {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiCallError)) throw new Error(`expected the API to refuse, got ${String(error)}`);
  return error;
};

interface WatchBody {
  readonly id: string;
  readonly status: string;
}

describe('the 2019 story, end to end on the local runtime', () => {
  let africa: WatchBody;
  let russia: WatchBody;
  let paused: WatchBody;

  it('registers watches for two users and confirms them through the email link and the texted code', async () => {
    africa = (await ana('POST', '/watches', {
      name: 'Africa overdue',
      target: { groups: ['africa'] },
      events: ['report.overdue'],
      channel: { email: 'ana@example.org' },
    })) as WatchBody;
    russia = (await ana('POST', '/watches', {
      target: { states: ['RU'] },
      events: ['figure.changed'],
      metrics: ['work-permits.valid'],
      minChangePct: 10,
      channel: { sms: '+447700900123' },
    })) as WatchBody;
    paused = (await otto('POST', '/watches', {
      target: { groups: ['africa'] },
      events: ['report.overdue'],
      channel: { email: 'otto@example.org' },
    })) as WatchBody;
    expect([africa.status, russia.status, paused.status]).toEqual([
      'pending-confirmation',
      'pending-confirmation',
      'pending-confirmation',
    ]);

    for (const address of ['ana@example.org', 'otto@example.org']) {
      expect((await confirmByMail(runtime.outboxFile, address)).status).toBe(200);
    }
    const code = /\b(\d{6})\b/.exec(lastTextTo('+447700900123'))?.[1];
    expect(await ana('POST', `/watches/${russia.id}/verify`, { code })).toMatchObject({ status: 'active' });
    expect(await otto('PATCH', `/watches/${paused.id}`, { status: 'paused' })).toMatchObject({ status: 'paused' });
    expect(await ana('GET', `/watches/${africa.id}`)).toMatchObject({ status: 'active' });
  });

  it("texts Russia's permits 30,023 -> 11,490 (-61.7%) in one GSM-7 segment when its midterm report is recorded", async () => {
    // Reuters made Russia's midterm report public on 26 March 2019.
    await recordUpTo('2019-03-26');
    const [sms, ...more] = alertsTo('+447700900123');
    expect(more).toEqual([]);
    expect(sms?.text).toContain('30,023->11,490 (-61.7%)');
    expect(isGsm7(sms?.text ?? '') && gsm7Length(sms?.text ?? '')).toBeLessThanOrEqual(160);
  });

  // 192 events stored and sent: 4 s alone, 28 s seen in a full run on a loaded machine.
  it('on 2019-03-23 sends the africa watch one message naming the overdue African states, and the paused watch nothing', async () => {
    // Only China's report was in by then: Russia's, recorded already, is dated 26 March at the latest.
    expect(await check('2019-03-23')).toBe(192);
    const [message, ...more] = alertsTo('ana@example.org');
    expect(more).toEqual([]);
    expect(message?.subject).toBe('54 states overdue: Midterm report on repatriated DPRK workers');
    expect(message?.text).toContain('- Equatorial Guinea (GQ): 1 day overdue');
    expect(message?.text).toContain('- Nigeria (NG): 1 day overdue');
    expect(alertsTo('otto@example.org')).toEqual([]);
  }, 90_000);

  it('sends nothing when the same day is checked again', async () => {
    expect(await check('2019-03-23')).toBe(0);
    expect(alertsTo('ana@example.org')).toHaveLength(1);
  });

  it("leaves Equatorial Guinea out of the final report's overdue list once its midterm and final reports are in", async () => {
    await recordUpTo('2019-12-31', '2019-03-26');
    await admin('POST', '/states/GQ/reports', {
      obligationId: '2397-p8-final',
      reportDate: '2020-03-10',
      note: 'Illustrative: a final report from Equatorial Guinea',
    });
    await runtime.streamIdle({ closeWindow: true });
    // The final report's 191 overdue states (Poland's report of 4 December and this one are in), and the repatriation deadline no check had announced yet.
    expect(await check('2020-03-23')).toBe(192);
    const final = alertsTo('ana@example.org').at(-1);
    expect(final?.subject).toBe('53 states overdue: Final report on repatriated DPRK workers');
    expect(final?.text).not.toContain('Equatorial Guinea');
    // Nine months of reports through the stream, then a wave: 25 s alone on two cores, more beside other suites.
  }, 90_000);

  it('keeps each user to their own watches', async () => {
    expect((await failure(otto('GET', `/watches/${africa.id}`))).status).toBe(404);
    expect((await failure(otto('DELETE', `/watches/${africa.id}`))).status).toBe(404);
    expect((await failure(otto('GET', `/watches/${africa.id}/deliveries`))).status).toBe(404);
    expect((await otto('GET', '/watches')) as { count: number }).toMatchObject({ count: 1 });
    expect(await ana('GET', `/watches/${africa.id}`)).toMatchObject({ id: africa.id });
  });

  it('answers bad input with 400 naming the field', async () => {
    // Each call starts when its turn comes: started together, a refusal that came before the loop awaited it would go unhandled.
    const cases: [() => Promise<unknown>, string][] = [
      [
        () =>
          ana('POST', '/watches', {
            target: { groups: ['africa'] },
            events: ['report.overdue'],
            channel: { email: 'ana@' },
          }),
        'channel.email',
      ],
      [
        () =>
          ana('POST', '/watches', { target: {}, events: ['report.overdue'], channel: { email: 'ana@example.org' } }),
        'target',
      ],
      [
        () =>
          admin('PUT', '/states/RU/figures/work-permits.valid', {
            value: 1,
            asOf: '2019-13-01',
            source: { kind: 'un-report' },
          }),
        'asOf',
      ],
      [() => admin('POST', '/checks', { at: 'tomorrow' }), 'at'],
    ];
    for (const [call, field] of cases) {
      const error = await failure(call());
      expect(error.status).toBe(400);
      expect(error.message).toContain(`"${field}"`);
    }
  });
});
