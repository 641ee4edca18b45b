import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStateRecords } from '../../lambdas/adapters/dynamodb/state-records-repository.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const estimate = (asOf: string) => ({ asOf, source: { kind: 'estimate', ref: 'US State Department' } });

interface FiguresBody {
  state: string;
  figures: { state: string; metric: string; value?: number; low?: number; high?: number }[];
}

describe('worldwide figures (/world/figures)', () => {
  it('records, lists and versions figures no state reports: 100,000 workers abroad, then the revenue range', async () => {
    const workers = await api.send('PUT', '/world/figures/workers.estimated', {
      value: 100_000,
      ...estimate('2017-12-31'),
    });
    const revenue = await api.send('PUT', '/world/figures/revenue.estimated', {
      low: 200_000_000,
      high: 500_000_000,
      ...estimate('2017-12-31'),
    });
    const repatriated = await api.send('PUT', '/world/figures/workers.repatriated', {
      value: 23_245,
      asOf: '2019-12-01',
      source: { kind: 'un-report' },
    });
    const older = await api.send('PUT', '/world/figures/workers.repatriated', {
      value: 20_000,
      asOf: '2019-06-01',
      source: { kind: 'un-report' },
    });

    expect([workers.status, revenue.status, repatriated.status, older.status]).toEqual([200, 200, 200, 200]);
    expect(older.json).toMatchObject({ figure: { state: 'world', value: 20_000 }, latest: false });
    const latest = (await api.request('/world/figures')).json as FiguresBody;
    expect(latest.state).toBe('world');
    expect(latest.figures.map(({ metric, value, low, high }) => [metric, value ?? [low, high]])).toEqual([
      ['revenue.estimated', [200_000_000, 500_000_000]],
      ['workers.estimated', 100_000],
      ['workers.repatriated', 23_245],
    ]);
    const history = (await api.request('/world/figures/workers.repatriated')).json as { history: { value: number }[] };
    expect(history.history.map((figure) => figure.value)).toEqual([23_245, 20_000]);
  });

  it('keeps them out of the per-state index that the board and the deadline checker read', async () => {
    await api.send('PUT', '/states/PL/figures/workers.remaining', {
      value: 0,
      asOf: '2019-12-04',
      source: { kind: 'un-report' },
    });
    await api.send('PUT', '/world/figures/workers.remaining', {
      value: 511,
      asOf: '2020-03-01',
      source: { kind: 'un-report' },
    });

    const latestPerState = await new DynamoStateRecords(api.documentClient, api.tableName).latestFiguresFor(
      'workers.remaining',
    );

    expect(latestPerState.map((figure) => figure.state)).toEqual(['PL']);
    expect((await api.request('/world/figures')).json).toMatchObject({
      figures: expect.arrayContaining([expect.objectContaining({ metric: 'workers.remaining', value: 511 })]),
    });
  });

  it.each([
    ['a user who is not an admin', 'PUT', '/world/figures/workers.estimated', 'user', 403, undefined],
    ['an unknown metric', 'PUT', '/world/figures/workers.imagined', 'admin', 400, 'metric'],
    ['"world" where a state belongs', 'PUT', '/states/world/figures/workers.estimated', 'admin', 400, 'code'],
    ["an unknown metric's history", 'GET', '/world/figures/workers.imagined', 'admin', 400, 'metric'],
  ] as const)('refuses %s', async (_, method, path, as, status, field) => {
    const response =
      method === 'GET'
        ? await api.request(path, { as })
        : await api.send(method, path, { value: 1, ...estimate('2019-01-01') }, as);

    expect(response.status).toBe(status);
    if (field !== undefined) expect(response.json).toMatchObject({ error: { field } });
  });

  it('answers a bad body with 400 naming the field, and writes nothing', async () => {
    const response = await api.send('PUT', '/world/figures/workers.estimated', {
      value: -1,
      ...estimate('2019-01-01'),
    });
    const history = (await api.request('/world/figures/workers.estimated')).json as { history: { asOf: string }[] };

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'invalid-input', field: 'value' } });
    expect(history.history.map((figure) => figure.asOf)).toEqual(['2017-12-31']);
  });
});
