import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;

/** A duty owed only after an inspection: "within 30 days" of it. */
const inspectionReport = {
  id: '2270-p18-inspection',
  resolution: '2270',
  paragraph: '18',
  title: 'Report on an inspection of cargo',
  description: '',
  kind: 'report',
  adoptedOn: '2016-03-02',
  due: { type: 'conditional', condition: 'after an inspection', within: { days: 30 } },
  appliesTo: { scope: 'all' },
  source: { document: 'S/RES/2270 (2016)' },
};

beforeAll(async () => {
  api = await startSeededTestApi();
  const created = await api.send('POST', '/obligations', inspectionReport);
  if (created.status !== 201) throw new Error(`POST /obligations answered ${created.status}: ${created.text}`);
});
afterAll(() => api.close());

describe('POST /states/{code}/triggers', () => {
  it('a conditional duty is owed by no state until an admin records its trigger for one', async () => {
    const before = await api.request('/status?obligation=2270-p18-inspection&asOf=2016-05-01');
    expect(before.json).toMatchObject({ obligations: [{ counts: { 'not-applicable': 193 } }] });

    const recorded = await api.send('POST', '/states/DEU/triggers', {
      obligationId: '2270-p18-inspection',
      on: '2016-04-01',
      note: 'cargo inspected at Hamburg',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.json).toMatchObject({ state: 'DE', obligationId: '2270-p18-inspection', on: '2016-04-01' });

    const after = await api.request('/status?obligation=2270-p18-inspection&asOf=2016-05-11');
    expect(after.json).toMatchObject({
      obligations: [{ counts: { 'not-applicable': 192, overdue: 1 }, overdue: [{ code: 'DE', daysOverdue: 10 }] }],
    });
    const page = await (await fetch(`${api.url}/board/states/DE?asOf=2016-05-11`)).text();
    expect(page).toContain('data-obligation="2270-p18-inspection"');
    expect(page).toContain('1 May 2016');
  });

  it.each([
    [{ obligationId: '2397-p8-midterm', on: '2019-01-01' }, 'obligationId'],
    [{ obligationId: 'no-such-duty', on: '2019-01-01' }, 'obligationId'],
    [{ obligationId: '2270-p18-inspection', on: '2999-01-01' }, 'on'],
    [{ obligationId: '2270-p18-inspection' }, 'on'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const response = await api.send('POST', '/states/DE/triggers', body);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field } });
  });

  it('is for admins only', async () => {
    const response = await api.send(
      'POST',
      '/states/DE/triggers',
      { obligationId: '2270-p18-inspection', on: '2016-04-01' },
      'user',
    );

    expect(response.status).toBe(403);
  });
});
