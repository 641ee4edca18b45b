import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import type { LocalRuntime } from '../../local/runtime.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { SOURCE_FIXTURES } from '../support/source-check.ts';
import { startTestRuntime } from '../support/test-runtime.ts';

let runtime: LocalRuntime;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ runtime, stop } = await startTestRuntime(
    'sources',
    // Held until each step's stream is idle: the nine proposals go out in one message however slow the machine.
    { holdWavesUntilIdle: true },
    { sourceFeeds: { directory: SOURCE_FIXTURES } },
  ));
});
afterAll(() => stop());

const call = async (method: string, path: string, body: unknown, user: string, admin = false) => {
  const token = await runtime.issueToken(user, { admin });
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

const alertsTo = (to: string): OutboxEntry[] =>
  readOutbox(runtime.outboxFile).filter((entry) => entry.to === to && entry.eventIds.length > 0);

const AT = new Date('2024-09-12T06:00:00Z');

describe('the source job on the local runtime (recorded feeds → proposals → review → report.received)', () => {
  it('tells an admin watching source.proposal what it found; a user may not watch it', async () => {
    const refused = await call(
      'POST',
      '/watches',
      { target: { all: true }, events: ['source.proposal'], channel: { email: 'uma@example.org' } },
      'uma',
    );
    const admin = await call(
      'POST',
      '/watches',
      { target: { all: true }, events: ['source.proposal'], channel: { email: 'ada@example.org' } },
      'ada',
      true,
    );
    expect(refused.status).toBe(403);
    expect(admin.status).toBe(201);
    expect((await confirmByMail(runtime.outboxFile, 'ada@example.org')).status).toBe(200);

    const first = await runtime.runSourceCheck(AT);
    await runtime.streamIdle({ closeWindow: true });
    const again = await runtime.runSourceCheck(AT);
    await runtime.streamIdle({ closeWindow: true });

    expect([first.proposals, again.proposals]).toEqual([9, 0]);
    const [message, ...more] = alertsTo('ada@example.org');
    expect(more).toEqual([]);
    expect(message?.eventIds).toHaveLength(9);
    // One message for the run's wave: the first piece of news names it, the rest are counted.
    expect(message?.subject).toMatch(/^A report may have arrived from .*\(\+\d+ more\)$/);
    expect(message?.text).toContain('- S/AC.49/2024/6, from Egypt, dated 11 September 2024:');
    expect(message?.text).toContain('- S/AC.49/2024/8, from a sender not known as a member state');
    expect(message?.text).not.toContain('S/AC.49/2024/6/Corr.1');
    // The public alert list leaves the unreviewed guesses out.
    const publicList = (await fetch(`${runtime.apiUrl}/alerts`).then((r) => r.json())) as { count: number };
    expect(publicList.count).toBe(0);
  });

  it("accepting a proposal sends a state's watchers the same report.received as a typed-in report", async () => {
    const watch = await call(
      'POST',
      '/watches',
      { target: { states: ['CI', 'EG'] }, events: ['report.received'], channel: { email: 'uma@example.org' } },
      'uma',
    );
    expect(watch.status).toBe(201);
    expect((await confirmByMail(runtime.outboxFile, 'uma@example.org')).status).toBe(200);

    const accepted = await call(
      'POST',
      `/proposals/${proposalIdOf('S/AC.49/2024/10')}/accept`,
      { obligationId: '2397-p8-final' },
      'ada',
      true,
    );
    await runtime.streamIdle({ closeWindow: true });
    const typedIn = await call(
      'POST',
      '/states/EG/reports',
      { obligationId: '2397-p8-final', reportDate: '2024-09-11', publishedOn: '2024-09-12', symbol: 'S/AC.49/2024/6' },
      'ada',
      true,
    );
    await runtime.streamIdle({ closeWindow: true });

    expect([accepted.status, typedIn.status]).toEqual([201, 201]);
    const [fromProposal, fromAdmin] = alertsTo('uma@example.org');
    expect(fromProposal?.subject).toMatch(/^Cote d'Ivoire reported .*late: /);
    expect(fromAdmin?.subject).toMatch(/^Egypt reported .*late: /);
    // One wording for both: the same event type, told the same way.
    const shape = (text = '') =>
      text
        .replace(/Côte d’Ivoire|Côte d'Ivoire|Egypt/g, 'STATE')
        .replace(/\(CI\)|\(EG\)/g, '(XX)')
        .replace(/\d+/g, 'N')
        .replace(/S\/AC\.N\/N\/N(, https:\S+)?/, 'DOC');
    expect(shape(fromProposal?.text)).toBe(shape(fromAdmin?.text));
    const alerts = (await fetch(`${runtime.apiUrl}/alerts?type=report.received`).then((r) => r.json())) as {
      alerts: { state: string; data: Record<string, unknown> }[];
    };
    expect(alerts.alerts.map((alert) => [alert.state, alert.data.symbol])).toEqual([
      ['CI', 'S/AC.49/2024/10'],
      ['EG', 'S/AC.49/2024/6'],
    ]);
  });
});
