import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

interface CheckBody {
  at: string;
  count: number;
  alreadyStored: number;
  dynamoDbRequests: number;
  emitted: {
    id: string;
    type: string;
    state?: string;
    obligationId?: string;
    data: Record<string, unknown>;
    dedupKey: string;
  }[];
}

const check = async (at: string) => {
  const response = await api.send('POST', '/checks', { at });
  if (response.status !== 200) throw new Error(`check failed: ${response.status} ${response.text}`);
  return response.json as CheckBody;
};

interface AlertsBody {
  count: number;
  alerts: { id: string; type: string; state?: string; at: string }[];
  next?: string;
}

describe('POST /checks (the deadline checker, run as of a chosen day)', () => {
  it('two runs at once on the day after the midterm deadline store each of the 193 overdue events once', async () => {
    const [first, second] = await Promise.all([check('2019-03-23T06:00:00Z'), check('2019-03-23T06:00:00Z')]);

    const ids = [...first.emitted, ...second.emitted].map((event) => event.id);
    expect(ids).toHaveLength(193);
    expect(new Set(ids).size).toBe(193);
    expect(first.alreadyStored + second.alreadyStored).toBe(193);
    const stored = (await api.request('/alerts?type=report.overdue&limit=1000')).json as AlertsBody;
    expect(stored.count).toBe(193);
  });

  it('re-running the same day emits nothing and costs only the reads', async () => {
    const rerun = await check('2019-03-23T18:00:00Z');

    expect(rerun.count).toBe(0);
    expect(rerun.alreadyStored).toBe(0);
    // The catalogue, admins' groups, all reports, latest remaining figures, the conditional duties' triggers and the memory: one Query each.
    expect(rerun.dynamoDbRequests).toBeLessThanOrEqual(6);
  });

  it('running an earlier day emits nothing new', async () => {
    expect((await check('2019-02-20T06:00:00Z')).count).toBe(0);
    expect((await check('2019-03-16T06:00:00Z')).count).toBe(0);
  });

  it('announces the repatriation deadline 30, 7 and 1 days before and once passed, each once', async () => {
    await api.send('PUT', '/states/PL/figures/workers.remaining', {
      value: 0,
      asOf: '2019-12-04',
      source: { kind: 'un-report' },
    });

    const days = ['2019-11-22', '2019-11-22', '2019-12-15', '2019-12-21', '2019-12-23', '2019-12-24'];
    const runs = [];
    for (const day of days) runs.push(await check(`${day}T06:00:00Z`));

    expect(
      runs.map((run) => run.emitted.map((event) => `${event.type}:${String(event.data.threshold ?? '')}`)),
    ).toEqual([
      ['deadline.approaching:30'],
      [],
      ['deadline.approaching:7'],
      ['deadline.approaching:1'],
      ['deadline.passed:'],
      [],
    ]);
    expect(runs[4]?.emitted[0]?.data).toMatchObject({
      metCount: 1,
      met: [{ code: 'PL', name: 'Poland' }],
      notMetCount: 192,
    });
  });

  it('stores the events where GET /alerts finds them by state, type and time, page by page', async () => {
    const nigeria = (await api.request('/alerts?state=ng')).json as AlertsBody;
    const since = (await api.request('/alerts?type=deadline.approaching&since=2019-12-01')).json as AlertsBody;
    const firstPage = (await api.request('/alerts?type=report.overdue&limit=100')).json as AlertsBody;
    const secondPage = (
      await api.request(`/alerts?type=report.overdue&limit=100&after=${encodeURIComponent(firstPage.next ?? '')}`)
    ).json as AlertsBody;

    expect(nigeria.alerts.map((alert) => alert.type)).toEqual(['report.overdue']);
    expect(since.alerts.map((alert) => alert.at)).toEqual(['2019-12-15T06:00:00.000Z', '2019-12-21T06:00:00.000Z']);
    expect(firstPage.count).toBe(100);
    expect(secondPage.count).toBe(93);
    expect(secondPage.next).toBeUndefined();
    expect(new Set([...firstPage.alerts, ...secondPage.alerts].map((alert) => alert.id)).size).toBe(193);
  });

  it('refuses a non-admin with 403 and no token with 401, running nothing', async () => {
    const asUser = await api.send('POST', '/checks', { at: '2020-03-23T06:00:00Z' }, 'user');
    const anonymous = await api.request('/checks', {
      method: 'POST',
      body: JSON.stringify({ at: '2020-03-23T06:00:00Z' }),
    });

    expect(asUser.status).toBe(403);
    expect(anonymous.status).toBe(401);
    const finalReport = (await api.request('/alerts?type=report.overdue&since=2020-03-23')).json as AlertsBody;
    expect(finalReport.count).toBe(0);
  });

  it.each([
    ['POST /checks with a date-less time', () => api.send('POST', '/checks', { at: 'yesterday' }), 'at'],
    ['POST /checks with an unknown field', () => api.send('POST', '/checks', { when: '2019-03-23T06:00:00Z' }), 'when'],
    ['GET /alerts with an unknown type', () => api.request('/alerts?type=report.lost'), 'type'],
    ['GET /alerts with a malformed since', () => api.request('/alerts?since=last-week'), 'since'],
    ['GET /alerts with a zero limit', () => api.request('/alerts?limit=0'), 'limit'],
    ['GET /alerts with a non-member state', () => api.request('/alerts?state=VA'), 'state'],
  ])('answers %s with 4xx naming the field', async (_, send, field) => {
    const response = await send();

    expect([400, 404]).toContain(response.status);
    expect(response.json).toMatchObject({ error: { field } });
  });
});
