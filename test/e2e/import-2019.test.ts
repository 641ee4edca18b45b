import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import type { LocalRuntime } from '../../local/runtime.ts';
import { type ApiCall, apiCaller } from '../../local/sample/local-api-client.ts';
import { sampleRecords } from '../../local/sample/sample-data-2019.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import { startTestRuntime } from '../support/test-runtime.ts';

/**
 * The bulk import end to end on the local runtime: the sample CSV through POST /imports, change
 * detection on the table's stream, the dispatcher and the outbox, as for any recording. Importing
 * it stores each alert once; importing it again stores and sends nothing.
 */
let runtime: LocalRuntime;
let stop: () => Promise<void>;
let adminToken: string;
let ana: ApiCall;

beforeAll(async () => {
  // Waves held until the import's stream is idle, so its alerts reach the planner together however
  // slow the machine, as the stack's 60 s window lets them.
  ({ runtime, stop } = await startTestRuntime('import', { holdWavesUntilIdle: true }));
  adminToken = await runtime.issueToken('ada', { admin: true });
  ana = apiCaller(runtime.apiUrl, await runtime.issueToken('ana'));
});
afterAll(() => stop());

const sampleCsv = readFileSync(resolve(import.meta.dirname, '../../local/sample/sample-import-2019.csv'), 'utf8');

const importCsv = async (csv: string) => {
  const response = await fetch(`${runtime.apiUrl}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const body: unknown = await response.json();
  await runtime.streamIdle({ closeWindow: true });
  return { status: response.status, body };
};

interface Alert {
  id: string;
  type: string;
  state: string;
  obligationId?: string;
  metric?: string;
  data: Record<string, unknown>;
}
const alerts = async (): Promise<Alert[]> => ((await ana('GET', '/alerts?limit=1000')) as { alerts: Alert[] }).alerts;
const alertsToAna = () =>
  readOutbox(runtime.outboxFile).filter((entry) => entry.to === 'ana@example.org' && entry.eventIds.length > 0);

describe('importing the 2019 sample CSV on the local runtime', () => {
  it('registers a confirmed email watch on every report and figure change', async () => {
    const watch = (await ana('POST', '/watches', {
      target: { all: true },
      events: ['report.received', 'figure.changed'],
      channel: { email: 'ana@example.org' },
    })) as { id: string };
    expect((await confirmByMail(runtime.outboxFile, 'ana@example.org')).status).toBe(200);
    expect(await ana('GET', `/watches/${watch.id}`)).toMatchObject({ status: 'active' });
  });

  it("stores the alerts a recording of each report and of each state's figures raises, once, and delivers each once, grouped", async () => {
    const { status, body } = await importCsv(sampleCsv);

    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 48, written: { reports: 26, figures: 22, latestFigures: 18 }, unchanged: 0 });
    const stored = await alerts();
    const received = stored.filter(({ type }) => type === 'report.received').map(({ state }) => state);
    expect(received.sort()).toEqual(
      sampleRecords
        .filter((record) => record.kind === 'report')
        .map((record) => record.state)
        .sort(),
    );
    const changed = new Map(
      stored
        .filter(({ type }) => type === 'figure.changed')
        .map((alert) => [`${alert.state} ${alert.metric ?? ''}`, alert.data]),
    );
    expect([...changed.keys()].sort()).toEqual([
      'AE workers.remaining',
      'AE workers.repatriated',
      'CN workers.estimated',
      'KH workers.remaining',
      'KH workers.repatriated',
      'KW workers.repatriated',
      'NP workers.repatriated',
      'PL workers.remaining',
      'QA workers.remaining',
      'QA workers.repatriated',
      'RU work-permits.valid',
      'RU workers.remaining',
      'SG work-permits.valid',
      'VN workers.remaining',
      'VN workers.repatriated',
      'world revenue.estimated',
      'world workers.estimated',
      'world workers.repatriated',
    ]);
    // Russia's midterm figures, as the story's one-by-one recording of its report announces them.
    expect(changed.get('RU work-permits.valid')).toMatchObject({
      previous: { value: 30023 },
      current: { value: 11490 },
      deltaPct: -61.7,
    });
    // Qatar's two figures of the file move its latest once, from the older one.
    expect(changed.get('QA workers.remaining')).toMatchObject({
      previous: { value: 150 },
      current: { value: 0 },
      asOfPrevious: '2018-06-30',
    });
    expect(changed.get('SG work-permits.valid')).toMatchObject({ first: true, current: { value: 0 } });
    expect(stored).toHaveLength(44);

    const messages = alertsToAna();
    const delivered = messages.flatMap(({ eventIds }) => eventIds);
    expect(delivered.sort()).toEqual(stored.map(({ id }) => id).sort());
    expect(messages.length).toBeLessThan(stored.length);
  });

  it('stores and sends nothing when the same file is imported again', async () => {
    const before = { alerts: await alerts(), messages: alertsToAna() };

    const { status, body } = await importCsv(sampleCsv);

    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 48, written: { reports: 0, figures: 0, latestFigures: 0 }, unchanged: 48 });
    expect(await alerts()).toEqual(before.alerts);
    expect(alertsToAna()).toEqual(before.messages);
  });

  it('writes nothing from a CSV with bad rows, and names each of them', async () => {
    const before = { alerts: await alerts(), russia: await ana('GET', '/states/RU') };
    const csv = [
      'kind,state,obligationId,reportDate,metric,value,asOf,sourceKind',
      'figure,RU,,,workers.remaining,511,2020-03-01,un-report',
      'report,RU,2397-p8-final,2020-03-20,,,,',
      'figure,RU,,,workers.remaining,-5,2020-03-02,un-report',
      'report,ZZ,2397-p8-final,2020-03-20,,,,',
      'figure,KW,,,workers.remaining,10,2019-12-01,rumour',
    ].join('\n');

    const { status, body } = await importCsv(csv);

    expect(status).toBe(400);
    expect(
      (body as { rows: { row: number; field: string }[] }).rows.map(({ row, field }) => `${row} ${field}`),
    ).toEqual(['4 value', '5 state', '6 sourceKind']);
    expect(await alerts()).toEqual(before.alerts);
    expect(await ana('GET', '/states/RU')).toEqual(before.russia);
  });
});
