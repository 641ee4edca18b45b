import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const russiaMidterm = {
  obligationId: '2397-p8-midterm',
  reportDate: '2019-03-20',
  receivedOn: '2019-03-22',
  symbol: 'S/AC.49/2019/27',
  figures: [
    {
      metric: 'work-permits.valid',
      value: 30023,
      asOf: '2017-12-31',
      source: { kind: 'un-report', ref: "Russia's midterm report" },
    },
    {
      metric: 'work-permits.valid',
      value: 11490,
      asOf: '2018-12-31',
      source: { kind: 'un-report', ref: "Russia's midterm report" },
    },
  ],
};

const permits = (value: number, asOf: string) => ({
  value,
  asOf,
  source: { kind: 'un-report', ref: 'midterm report' },
});

interface StateBody {
  obligations: { id: string; status: string; reports: { reportDate: string }[] }[];
  figures: { metric: string; value?: number; asOf: string }[];
}

describe('POST /states/{code}/reports', () => {
  it('records a report with its figures, and the state reads as submitted with its latest figure', async () => {
    const response = await api.send('POST', '/states/RU/reports', russiaMidterm);

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      report: {
        state: 'RU',
        obligationId: '2397-p8-midterm',
        reportDate: '2019-03-20',
        receivedOn: '2019-03-22',
        public: true,
      },
      figures: [
        { metric: 'work-permits.valid', value: 30023, unit: 'permits', latest: false },
        { metric: 'work-permits.valid', value: 11490, unit: 'permits', latest: true },
      ],
    });
    const state = (await api.request('/states/RU?asOf=2019-12-16')).json as StateBody;
    expect(state.obligations.find((o) => o.id === '2397-p8-midterm')).toMatchObject({
      status: 'submitted',
      reports: [{ reportDate: '2019-03-20' }],
    });
    expect(state.figures).toEqual([
      expect.objectContaining({ metric: 'work-permits.valid', value: 11490, asOf: '2018-12-31' }),
    ]);
  });

  it('answers the same report recorded twice with 409 and stores no duplicate', async () => {
    await api.send('POST', '/states/GQ/reports', { obligationId: '2397-p8-midterm', reportDate: '2019-06-10' });

    const again = await api.send('POST', '/states/GQ/reports', {
      obligationId: '2397-p8-midterm',
      reportDate: '2019-06-10',
      note: 'again',
    });

    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: 'report-exists', field: 'reportDate' } });
    const state = (await api.request('/states/GQ')).json as StateBody;
    expect(state.obligations.find((o) => o.id === '2397-p8-midterm')?.reports).toHaveLength(1);
  });

  it('records a report submitted but not published: not overdue, "submitted-not-public"', async () => {
    const response = await api.send('POST', '/states/CN/reports', {
      obligationId: '2397-p8-midterm',
      reportDate: '2019-04-19',
      public: false,
    });

    expect(response.status).toBe(201);
    const state = (await api.request('/states/CN?asOf=2019-12-16')).json as StateBody;
    expect(state.obligations.find((o) => o.id === '2397-p8-midterm')).toMatchObject({
      status: 'submitted-not-public',
      daysLate: 28,
    });
  });

  it.each([
    ['no token', undefined, 401],
    ['a non-admin token', 'user' as const, 403],
  ])('refuses %s', async (_, as, status) => {
    const response = await api.request('/states/JP/reports', {
      method: 'POST',
      as,
      body: JSON.stringify({ obligationId: '2397-p8-midterm', reportDate: '2019-03-01' }),
    });

    expect(response.status).toBe(status);
    const state = (await api.request('/states/JP')).json as StateBody;
    expect(state.obligations.flatMap((o) => o.reports)).toEqual([]);
  });

  it.each([
    ['an unknown obligation', { obligationId: '2397-p99-nothing', reportDate: '2019-03-01' }, 'obligationId'],
    ['an action obligation', { obligationId: '2397-p8-repatriation', reportDate: '2019-03-01' }, 'obligationId'],
    ['a malformed date', { obligationId: '2397-p8-midterm', reportDate: '2019-02-30' }, 'reportDate'],
    ['a report date in the future', { obligationId: '2397-p8-midterm', reportDate: '2099-01-01' }, 'reportDate'],
    [
      'received before its date',
      { obligationId: '2397-p8-midterm', reportDate: '2019-03-01', receivedOn: '2019-02-01' },
      'receivedOn',
    ],
    ['an unknown field', { obligationId: '2397-p8-midterm', reportDate: '2019-03-01', pages: 12 }, 'pages'],
    ['a missing reportDate', { obligationId: '2397-p8-midterm' }, 'reportDate'],
    [
      'a non-https url',
      { obligationId: '2397-p8-midterm', reportDate: '2019-03-01', url: 'javascript:alert(1)' },
      'url',
    ],
    [
      'a figure range with low > high',
      {
        obligationId: '2397-p8-midterm',
        reportDate: '2019-03-01',
        figures: [
          { metric: 'workers.estimated', low: 80000, high: 50000, asOf: '2019-01-01', source: { kind: 'estimate' } },
        ],
      },
      'figures.0.low',
    ],
    [
      'a figure of an unknown metric',
      {
        obligationId: '2397-p8-midterm',
        reportDate: '2019-03-01',
        figures: [{ metric: 'workers.imagined', value: 1, asOf: '2019-01-01', source: { kind: 'press' } }],
      },
      'figures.0.metric',
    ],
  ])('answers %s with 400 naming the field, and writes nothing', async (_, body, field) => {
    const response = await api.send('POST', '/states/DE/reports', body);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'invalid-input', field, message: expect.any(String) } });
    const state = (await api.request('/states/DE')).json as StateBody;
    expect(state.obligations.flatMap((o) => o.reports)).toEqual([]);
    expect(state.figures).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', '{"obligationId": '],
    ['an empty body', ''],
    [
      'an oversize body',
      JSON.stringify({ obligationId: '2397-p8-midterm', reportDate: '2019-03-01', note: 'x'.repeat(70_000) }),
    ],
  ])('answers %s with 400 naming "body"', async (_, body) => {
    const response = await api.send('POST', '/states/DE/reports', body);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field: 'body' } });
  });

  it('answers a state that is not a member with 404 naming "code"', async () => {
    const response = await api.send('POST', '/states/VA/reports', {
      obligationId: '2397-p8-midterm',
      reportDate: '2019-03-01',
    });

    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ error: { code: 'state-not-found', field: 'code' } });
  });
});

describe('PUT /states/{code}/figures/{metric}', () => {
  it('keeps every figure in the history; a newer asOf becomes the latest, an older one does not', async () => {
    const first = await api.send('PUT', '/states/QA/figures/workers.remaining', permits(150, '2018-06-30'));
    const newer = await api.send('PUT', '/states/QA/figures/workers.remaining', permits(70, '2019-03-31'));
    const older = await api.send('PUT', '/states/QA/figures/workers.remaining', permits(2500, '2016-01-31'));

    expect([first.status, newer.status, older.status]).toEqual([200, 200, 200]);
    expect([first.json, newer.json, older.json]).toMatchObject([{ latest: true }, { latest: true }, { latest: false }]);
    const latest = (await api.request('/states/QA/figures')).json as { figures: { value: number }[] };
    expect(latest.figures.map((f) => f.value)).toEqual([70]);
    const history = (await api.request('/states/QA/figures/workers.remaining')).json as {
      history: { value: number; asOf: string }[];
    };
    expect(history.history.map((f) => [f.asOf, f.value])).toEqual([
      ['2019-03-31', 70],
      ['2018-06-30', 150],
      ['2016-01-31', 2500],
    ]);
  });

  it('records a range (China: 50,000–80,000 workers, an estimate)', async () => {
    const response = await api.send('PUT', '/states/CN/figures/workers.estimated', {
      low: 50000,
      high: 80000,
      asOf: '2019-12-01',
      source: { kind: 'estimate' },
    });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      figure: { state: 'CN', low: 50000, high: 80000, unit: 'persons' },
      latest: true,
    });
  });

  it('marks a state as having met the repatriation deadline once its workers.remaining is 0', async () => {
    await api.send('PUT', '/states/PL/figures/workers.remaining', permits(0, '2019-12-04'));

    const state = (await api.request('/states/PL?asOf=2019-12-23')).json as StateBody;

    expect(state.obligations.find((o) => o.id === '2397-p8-repatriation')).toMatchObject({
      status: 'met',
      metOn: '2019-12-04',
    });
  });

  it.each([
    ['a negative count', permits(-5, '2019-01-01'), 'value'],
    ['a non-numeric value', { ...permits(0, '2019-01-01'), value: '11,490' }, 'value'],
    ['no value and no range', { asOf: '2019-01-01', source: { kind: 'national' } }, 'value'],
    ['a value and a range', { ...permits(1, '2019-01-01'), low: 0, high: 2 }, 'value'],
    ['low > high', { low: 9, high: 3, asOf: '2019-01-01', source: { kind: 'estimate' } }, 'low'],
    ['half a range', { low: 9, asOf: '2019-01-01', source: { kind: 'estimate' } }, 'high'],
    ['a missing asOf', { value: 3, source: { kind: 'national' } }, 'asOf'],
    ['an asOf in the future', permits(3, '2099-12-31'), 'asOf'],
    ['an unknown source kind', { value: 3, asOf: '2019-01-01', source: { kind: 'rumour' } }, 'source.kind'],
    ["a unit that is not the metric's", { ...permits(3, '2019-01-01'), unit: 'USD' }, 'unit'],
  ])('answers %s with 400 naming the field, and writes nothing', async (_, body, field) => {
    const response = await api.send('PUT', '/states/SG/figures/workers.remaining', body);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'invalid-input', field } });
    const history = (await api.request('/states/SG/figures/workers.remaining')).json as { history: unknown[] };
    expect(history.history).toEqual([]);
  });

  it('answers an unknown metric with 400 naming "metric"', async () => {
    const response = await api.send('PUT', '/states/SG/figures/workers.imagined', permits(1, '2019-01-01'));

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field: 'metric' } });
  });

  it('takes figures for a metric an admin added to the catalogue', async () => {
    const added = await api.send('POST', '/metrics', {
      id: 'attaches.remaining',
      title: 'Safety oversight attachés remaining',
      unit: 'persons',
      description: '',
    });
    const recorded = await api.send('PUT', '/states/SG/figures/attaches.remaining', {
      value: 0,
      asOf: '2019-03-01',
      source: { kind: 'national' },
    });
    const duplicate = await api.send('POST', '/metrics', {
      id: 'attaches.remaining',
      title: 'again',
      unit: 'persons',
      description: '',
    });

    expect(added.status).toBe(201);
    expect(recorded.status).toBe(200);
    expect(duplicate.status).toBe(409);
  });
});

describe('POST /obligations', () => {
  it('adds an obligation whose due date follows from adoption + months, and refuses its id twice', async () => {
    const body = {
      id: '2397-p8-test-90-day',
      resolution: '2397',
      paragraph: '8',
      title: '90-day implementation report',
      description: 'A periodic report added by an admin.',
      kind: 'report',
      adoptedOn: '2019-11-30',
      dueOffsetMonths: 3,
      appliesTo: { scope: 'group', groupId: 'africa' },
      source: { document: 'S/RES/2397 (2017)' },
    };

    const response = await api.send('POST', '/obligations', body);
    const again = await api.send('POST', '/obligations', body);

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ id: '2397-p8-test-90-day', dueDate: '2020-02-29' });
    expect(again.status).toBe(409);
    const nigeria = (await api.request('/states/NG')).json as StateBody;
    const germany = (await api.request('/states/DE')).json as StateBody;
    expect(nigeria.obligations.map((o) => o.id)).toContain('2397-p8-test-90-day');
    expect(germany.obligations.map((o) => o.id)).not.toContain('2397-p8-test-90-day');
  });

  it('refuses a group that does not exist, naming appliesTo.groupId', async () => {
    const response = await api.send('POST', '/obligations', {
      id: 'orphan',
      resolution: '2397',
      paragraph: '8',
      title: 'Orphan',
      description: '',
      kind: 'report',
      adoptedOn: '2019-01-01',
      dueOffsetMonths: 1,
      appliesTo: { scope: 'group', groupId: 'atlantis' },
      source: { document: 'S/RES/2397 (2017)' },
    });

    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ error: { field: 'appliesTo.groupId' } });
  });

  it('takes only an http(s) source URL: a javascript: link the board would render is a 400 naming source.url', async () => {
    const response = await api.send('POST', '/obligations', {
      id: 'scripted',
      resolution: '2397',
      paragraph: '8',
      title: 'Scripted',
      description: '',
      kind: 'report',
      adoptedOn: '2019-01-01',
      dueOffsetMonths: 1,
      appliesTo: { scope: 'all' },
      source: { document: 'S/RES/2397 (2017)', url: 'javascript:alert(1)' },
    });

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field: 'source.url' } });
  });
});
