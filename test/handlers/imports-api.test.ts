import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { handlerFor } from '../../lambdas/handlers/http/create-import.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

/** POST /imports through the local API Gateway adapter, on DynamoDB Local (no stream consumers: test/e2e/import-2019.test.ts follows the alerts). */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const sampleCsv = readFileSync(resolve(import.meta.dirname, '../../local/sample/sample-import-2019.csv'), 'utf8');

const post = (body: string, contentType: string | undefined, query = '', as: 'admin' | 'user' = 'admin') =>
  api.request(`/imports${query}`, {
    method: 'POST',
    as,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
  });

interface Refusal {
  error: { code: string; message: string; field: string };
  rows: { row: number; field: string; message: string }[];
  moreErrors?: number;
}
interface StateBody {
  obligations: { id: string; reports: { reportDate: string }[] }[];
  figures: { metric: string; value?: number; asOf: string }[];
}

const reportsOf = async (code: string) =>
  ((await api.request(`/states/${code}`)).json as StateBody).obligations.flatMap((obligation) => obligation.reports);
const historyCount = async (code: string, metric: string) =>
  ((await api.request(`/states/${code}/figures/${metric}`)).json as { count: number }).count;

const header = 'kind,state,obligationId,reportDate,public,metric,value,low,high,asOf,sourceKind,sourceRef,note';

describe('POST /imports', () => {
  it('checks a dry run in full and writes nothing', async () => {
    const response = await post(sampleCsv, 'text/csv', '?dryRun=true');

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      dryRun: true,
      rows: 48,
      written: { reports: 26, figures: 22, latestFigures: 18 },
      unchanged: 0,
    });
    expect(await reportsOf('RU')).toEqual([]);
    expect(await historyCount('QA', 'workers.remaining')).toBe(0);
  });

  it('refuses a CSV with bad rows, naming each row and column, and writes none of its good rows', async () => {
    const csv = [
      header,
      'report,RU,2397-p8-midterm,2019-03-22,true,,,,,,,,good row',
      'figure,XX,,,,workers.remaining,5,,,2019-01-01,press,,bad state',
      '',
      'figure,QA,,,,workers.remaining,"1,500",,,2019-13-01,press,,bad value and date',
      'report,NP,2397-p8-repatriation,2019-11-06,,,,,,,,,an action is not reported',
      'figure,SG,,,,work-permits.valid,0,,,2019-03-01,blog,,bad source kind',
      'figure,SG,,,,work-permits.valid,1,,,2019-03-01,press,,the same figure again',
      'report,PL,2397-p8-midterm,2019-12-04,maybe,,,,,,,,bad boolean',
      'figure,AE,,,,workers.unknown,5,,,2019-03-01,press,,unknown metric',
    ].join('\n');

    const response = await post(csv, 'text/csv; charset=utf-8');

    expect(response.status).toBe(400);
    const body = response.json as Refusal;
    expect(body.error).toMatchObject({ code: 'invalid-rows', field: 'rows' });
    expect(body.error.message).toContain('nothing was written');
    expect(body.rows.map(({ row, field }) => [row, field])).toEqual([
      [3, 'state'],
      [5, 'value'],
      [5, 'asOf'],
      [6, 'obligationId'],
      [7, 'sourceKind'],
      [8, 'asOf'],
      [9, 'public'],
      [10, 'metric'],
    ]);
    expect(body.rows.find(({ row }) => row === 8)?.message).toContain('repeats line 7');
    expect(await reportsOf('RU')).toEqual([]);
  });

  it('imports the sample CSV: reports, figure histories and latest figures, as recording them one by one would', async () => {
    const response = await post(sampleCsv, 'text/csv');

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      dryRun: false,
      rows: 48,
      written: { reports: 26, figures: 22, latestFigures: 18 },
      unchanged: 0,
      skipped: [],
    });
    expect(await reportsOf('CN')).toEqual([expect.objectContaining({ reportDate: '2019-03-08', public: false })]);
    expect(await historyCount('QA', 'workers.remaining')).toBe(2);
    const russia = (await api.request('/states/RU')).json as StateBody;
    expect(russia.figures).toContainEqual(
      expect.objectContaining({ metric: 'work-permits.valid', value: 11490, asOf: '2018-12-31' }),
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    const response = await post(sampleCsv, 'text/csv');

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      rows: 48,
      written: { reports: 0, figures: 0, latestFigures: 0 },
      unchanged: 48,
    });
    expect(await historyCount('QA', 'workers.remaining')).toBe(2);
    expect(await historyCount('RU', 'work-permits.valid')).toBe(2);
  });

  it('refuses a row that contradicts a recorded report, naming the column that differs', async () => {
    const csv = [
      header,
      'figure,KW,,,,workers.remaining,10,,,2019-12-31,press,,new',
      'report,KW,2397-p8-midterm,2019-04-30,false,,,,,,,,"Midterm report of April 2019 (the day is not given): 904 repatriated between 1 January 2018 and April 2019, more than half of the total."',
    ].join('\n');

    const response = await post(csv, 'text/csv');

    expect(response.status).toBe(400);
    expect((response.json as Refusal).rows).toEqual([
      { row: 3, field: 'public', message: expect.stringContaining('an import does not change a recorded report') },
    ]);
    expect(await historyCount('KW', 'workers.remaining')).toBe(0);
  });

  it('imports JSON lines, and a later figure only adds to the history when a newer one is stored', async () => {
    const lines = [
      JSON.stringify({
        kind: 'figure',
        state: 'QAT',
        metric: 'workers.remaining',
        value: 2600,
        asOf: '2015-12-31',
        sourceKind: 'press',
      }),
      '',
      JSON.stringify({
        kind: 'figure',
        state: 'np',
        metric: 'workers.remaining',
        value: 0,
        asOf: '2019-12-20',
        sourceKind: 'national',
        note: null,
      }),
    ].join('\n');

    const response = await post(lines, 'application/x-ndjson');

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      rows: 2,
      written: { reports: 0, figures: 2, latestFigures: 1 },
      unchanged: 0,
    });
    const qatar = (await api.request('/states/QA/figures')).json as StateBody;
    expect(qatar.figures).toContainEqual(
      expect.objectContaining({ metric: 'workers.remaining', value: 0, asOf: '2021-10-22' }),
    );
    const nepal = (await api.request('/states/NP/figures')).json as StateBody;
    expect(nepal.figures).toContainEqual(
      expect.objectContaining({ metric: 'workers.remaining', value: 0, asOf: '2019-12-20' }),
    );
  });

  it('reads a body that API Gateway base64-encoded', async () => {
    const route = matchRoute(routes, 'POST', '/imports');
    if (!route) throw new Error('no route for POST /imports');
    const csv = `${header}\nfigure,VN,,,,workers.remaining,0,,,2019-12-15,national,,base64\n`;
    const plain = apiGatewayEvent(
      {
        method: 'POST',
        url: '/imports',
        headers: { 'content-type': 'text/csv' },
        body: Buffer.from(csv).toString('base64'),
        sourceIp: '127.0.0.1',
      },
      route,
      new Date(),
    );
    const event: APIGatewayProxyEventV2 = {
      ...plain,
      isBase64Encoded: true,
      requestContext: {
        ...plain.requestContext,
        authorizer: { jwt: { claims: { sub: 'ada', 'cognito:groups': ['admins'] }, scopes: null } },
      },
    } as APIGatewayProxyEventV2;
    const handler = handlerFor(api.deps);

    const result = await handler(event, localLambdaContext('create-import'));

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toMatchObject({ written: { figures: 1 } });
  });

  it('lists the first 100 errors and counts the rest', async () => {
    const day = (index: number) => new Date(Date.UTC(2018, 0, 1 + index)).toISOString().slice(0, 10);
    const csv = [
      header,
      ...Array.from({ length: 150 }, (_, index) => `figure,RU,,,,work-permits.valid,n/a,,,${day(index)},press,,`),
    ].join('\n');

    const response = await post(csv, 'text/csv');

    expect(response.status).toBe(400);
    const body = response.json as Refusal;
    expect(body.rows).toHaveLength(100);
    expect(body.moreErrors).toBe(50);
    expect(body.rows[99]).toMatchObject({ row: 101, field: 'value' });
  });

  it.each([
    ['no content type', 'content-type', 'kind,state\n', undefined],
    ['a JSON content type', 'content-type', '{}', 'application/json'],
    ['an empty body', 'body', '', 'text/csv'],
    ['a header and no rows', 'body', `${header}\n`, 'text/csv'],
    ['more than 20,000 rows', 'body', `kind,state\n${'figure,RU\n'.repeat(20_001)}`, 'text/csv'],
  ])('answers %s with 400 naming "%s"', async (_, field, body, contentType) => {
    const response = await post(body, contentType);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field } });
  });

  it('answers an unknown query parameter with 400 naming it', async () => {
    const response = await post(sampleCsv, 'text/csv', '?dry=1');

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { field: 'dry' } });
  });

  it('is for admins only', async () => {
    expect((await post(sampleCsv, 'text/csv', '', 'user')).status).toBe(403);
    expect(
      (await api.request('/imports', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: sampleCsv }))
        .status,
    ).toBe(401);
  });
});
