import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { openApiDocument } from '../../lambdas/core/api/openapi-document.ts';
import { routeContracts } from '../../lambdas/core/api/route-contracts.ts';
import { runSourceCheck } from '../../lambdas/core/sources/run-source-check.ts';
import { proposalIdOf } from '../../lambdas/core/sources/stored-proposal.ts';
import { matchRoute } from '../../local/api-gateway-event.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { confirmationLinkTo } from '../support/confirmation-mail.ts';
import { midtermReportOf } from '../support/midterm-reporters.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';
import { fixtureFeeds } from '../support/source-check.ts';

type Api = Awaited<ReturnType<typeof startSeededTestApi>>;
type Caller = keyof Api['tokens'] | undefined;

let api: Api;
const document = openApiDocument();
// The document's schemas are JSON Schema 2020-12; its `$ref`s point into the document itself.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...document, $id: 'openapi' });

const validators = new Map<object, ReturnType<typeof ajv.compile>>();
/** A validator of a schema inside the document, its `$ref`s resolved in the document. */
const validatorOf = (schema: object) => {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
    validators.set(schema, validate);
  }
  return validate;
};

interface Media {
  readonly schema?: object;
}
interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, Media>;
}

const resolve = (response: Response): Response =>
  response.$ref
    ? ((document.components.responses as Record<string, Response>)[response.$ref.split('/').at(-1) ?? ''] ?? {})
    : response;

/** What the document promises for this route and status, or a reason the answer breaks the contract. */
const contractBreach = (method: string, path: string, status: number, contentType: string, body: string) => {
  const match = matchRoute(routes, method, path);
  if (!match) return `no route for ${method} ${path}`;
  const operation = (document.paths[match.route.path] as Record<string, { responses: Record<string, Response> }>)[
    method.toLowerCase()
  ];
  const documented = operation?.responses[String(status)];
  if (!documented) return `${method} ${match.route.path} answered ${status}, which its operation does not list`;
  const response = resolve(documented);
  if (status === 204 || status === 304) return body === '' ? undefined : `a ${status} with a body`;
  const mediaType = contentType.split(';')[0] ?? '';
  const media = response.content?.[mediaType];
  if (!media)
    return `${method} ${match.route.path} ${status} answered ${mediaType}, not ${Object.keys(response.content ?? {})}`;
  if (mediaType !== 'application/json' || !media.schema) return undefined;
  const validate = validatorOf(media.schema);
  const json: unknown = JSON.parse(body);
  return validate(json)
    ? undefined
    : `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${body.slice(0, 500)}`;
};

const answered = new Set<number>();
const walkedRoutes = new Set<string>();
/** Routes that answered at least once with success, not only with a refusal. */
const succeededRoutes = new Set<string>();
const breaches: string[] = [];

/** Sends a request and records where its answer breaks the document, or is not the status the walk expects. */
const call = async (
  method: string,
  path: string,
  expected: number,
  options: {
    readonly as?: Caller;
    readonly body?: unknown;
    readonly file?: { readonly text: string; readonly type: string };
    readonly ifNoneMatch?: string;
  } = {},
) => {
  const headers = new Headers();
  if (options.as) headers.set('authorization', `Bearer ${api.tokens[options.as]}`);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.file !== undefined) headers.set('content-type', options.file.type);
  if (options.ifNoneMatch !== undefined) headers.set('if-none-match', options.ifNoneMatch);
  // Fetched here rather than through the test API's helpers, which read every body as JSON.
  const reply = await fetch(`${api.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.file === undefined ? {} : { body: options.file.text }),
  });
  const text = await reply.text();
  answered.add(reply.status);
  const route = matchRoute(routes, method, path.split('?')[0] ?? '')?.route;
  if (route) walkedRoutes.add(route.id);
  if (route && reply.status < 400) succeededRoutes.add(route.id);
  const breach = contractBreach(
    method,
    path.split('?')[0] ?? '',
    reply.status,
    reply.headers.get('content-type') ?? '',
    text,
  );
  if (breach) breaches.push(breach);
  if (reply.status !== expected)
    breaches.push(`${method} ${path} answered ${reply.status}, not ${expected}: ${text.slice(0, 300)}`);
  return {
    status: reply.status,
    etag: reply.headers.get('etag') ?? '',
    json: () => JSON.parse(text) as { readonly id: string; readonly feedUrl: string; readonly manage: string },
  };
};

beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

/** The unsubscribe link of the newest message to `to`. */
const unsubscribeLinkTo = (to: string): string => {
  const text = readOutbox(api.outboxFile).findLast((entry) => entry.to === to)?.text ?? '';
  const link = /https?:\/\/\S+\/unsubscribe\?\S+/.exec(text)?.[0];
  if (link === undefined) throw new Error(`no unsubscribe link in the newest message to ${to}`);
  return link;
};

const sampleImport = readFileSync(new URL('../../local/sample/sample-import-2019.csv', import.meta.url), 'utf8');
const importHeader = 'kind,state,obligationId,reportDate,public,metric,value,low,high,asOf,sourceKind,sourceRef,note';

const example = (id: keyof typeof routeContracts) => routeContracts[id].example.body;

describe('responses of the local runtime against the OpenAPI document', () => {
  it('match their schemas on every route of the table, for successes and refusals alike', async () => {
    // Admin writes first, so the reads have reports, figures and alerts to show.
    const admin = { as: 'admin' } as const;
    for (const code of ['RU', 'CN', 'GQ'])
      await call('POST', `/states/${code}/reports`, 201, { ...admin, body: midtermReportOf(code) });
    await call('POST', '/states/AE/reports', 201, {
      ...admin,
      body: {
        ...midtermReportOf('AE'),
        figures: [{ metric: 'work-permits.valid', value: 1000, asOf: '2019-03-01', source: { kind: 'national' } }],
      },
    });
    await call('PUT', '/states/RU/figures/work-permits.valid', 200, { ...admin, body: example('record-figure') });
    await call('PUT', '/world/figures/work-permits.valid', 200, { ...admin, body: example('record-world-figure') });
    await call('POST', '/metrics', 201, {
      ...admin,
      body: { id: 'workers.contract-test', title: 'Contract test', unit: 'persons', description: '' },
    });
    await call('POST', '/obligations', 201, {
      ...admin,
      body: { ...(example('create-obligation') as object), id: 'contract-test-duty' },
    });
    await call('POST', '/states/DE/triggers', 201, { ...admin, body: example('record-trigger') });
    await call('POST', '/checks', 200, { ...admin, body: example('run-check') });
    await call('POST', '/imports?dryRun=true', 200, { ...admin, file: { text: sampleImport, type: 'text/csv' } });
    await call('POST', '/imports', 400, {
      ...admin,
      file: { text: `${importHeader}\nfigure,XX,,,,work-permits.valid,0,,,2019-12-15,national,,\n`, type: 'text/csv' },
    });
    await call('POST', '/subscriptions', 202, { body: example('create-subscription') });
    // The source job's proposals, from the recorded feeds: listed, one accepted, one rejected, refusals.
    const feeds = await fixtureFeeds();
    await runSourceCheck(new Date('2024-09-12T06:00:00Z'), { ...api.deps, ...feeds }).finally(feeds.server.close);
    await call('GET', '/proposals?limit=2', 200, admin);
    await call('POST', `/proposals/${proposalIdOf('S/AC.49/2024/6')}/accept`, 201, {
      ...admin,
      body: { obligationId: '2397-p8-final' },
    });
    await call('POST', `/proposals/${proposalIdOf('S/2024/670')}/reject`, 200, {
      ...admin,
      body: example('reject-proposal'),
    });
    await call('POST', `/proposals/${proposalIdOf('S/2024/670')}/reject`, 409, {
      ...admin,
      body: example('reject-proposal'),
    });
    await call('POST', `/proposals/${proposalIdOf('S/AC.49/2024/8')}/accept`, 400, { ...admin, body: {} });
    await call('POST', `/proposals/${proposalIdOf('S/AC.49/2099/1')}/accept`, 404, { ...admin, body: {} });
    await call('POST', '/subscriptions/verify', 409, { body: example('verify-subscription') });

    const email = await call('POST', '/watches', 201, { as: 'user', body: example('create-watch') });
    const sms = await call('POST', '/watches', 201, {
      as: 'user',
      body: { target: { states: ['RUS'] }, events: ['figure.changed'], channel: { sms: '+447700900123' } },
    });
    const { id } = email.json();
    await call('PATCH', `/watches/${id}`, 200, { as: 'user', body: { name: 'Renamed', mutedUntil: null } });
    const { feedUrl } = (await call('POST', `/watches/${id}/feed-key`, 200, { as: 'user', body: {} })).json();
    await call('GET', new URL(feedUrl).pathname + new URL(feedUrl).search, 200);
    await call('GET', `/watches/${id}/feed.atom?key=wrong`, 404);
    // A wrong code costs an attempt.
    await call('POST', `/watches/${sms.json().id}/verify`, 400, { as: 'user', body: example('verify-watch') });
    // Past the back-off between two confirmation mails to one address.
    api.moveClock(120);
    await call('POST', `/watches/${id}/confirmation`, 200, { as: 'user', body: {} });
    const confirmation = new URL(confirmationLinkTo(api.outboxFile, 'ana@example.org'));
    await call('GET', confirmation.pathname + confirmation.search, 200);
    await call('POST', confirmation.pathname + confirmation.search, 200);
    await call('POST', `/watches/${id}/test`, 200, { as: 'user', body: {} });
    const unsubscribe = new URL(unsubscribeLinkTo('ana@example.org'));
    await call('GET', unsubscribe.pathname + unsubscribe.search, 200);
    // A phone signs up without an account, returns its texted code, and opens the manage link it is given.
    const phone = '+447700900124';
    await call('POST', '/subscriptions', 202, { body: { phone, states: ['NG'], events: ['report.overdue'] } });
    const code = /code: (\d{6})/.exec(readOutbox(api.outboxFile).findLast((entry) => entry.to === phone)?.text ?? '');
    const verified = await call('POST', '/subscriptions/verify', 200, { body: { phone, code: code?.[1] } });
    const manage = new URL(verified.json().manage, api.url);
    await call('GET', manage.pathname + manage.search, 200);
    await call('POST', manage.pathname + manage.search, 200, { body: { action: 'pause' } });
    await call('GET', `/manage?token=forged.${'A'.repeat(43)}`, 403);
    await call('POST', `/manage?token=forged.${'A'.repeat(43)}`, 403, { body: { action: 'pause' } });

    for (const path of [
      '/states',
      '/states?group=africa',
      '/states/NG?asOf=2019-12-16',
      '/states/RU',
      '/states/RU/figures',
      '/states/RU/figures/work-permits.valid',
      '/world/figures',
      '/world/figures/work-permits.valid',
      '/groups',
      '/groups/africa',
      '/obligations?limit=3',
      '/obligations?committee=1718',
      '/obligations/2397-p8-midterm/history?from=2019-12-01&to=2019-12-05',
      '/metrics',
      '/status?asOf=2019-12-16',
      '/status?asOf=2019-12-16&obligation=2397-p8-midterm&group=africa',
      '/alerts?limit=5',
      '/alerts?type=report.overdue&since=2019-12-01&limit=2',
      '/board',
      '/board/states/NG',
      '/calendar.ics',
      '/openapi.json',
      '/docs',
    ])
      await call('GET', path, 200);
    for (const path of ['/watches', `/watches/${id}`, `/watches/${id}/deliveries`, `/watches/${id}/preview`])
      await call('GET', path, 200, { as: 'user' });

    const { etag } = await call('GET', '/metrics', 200);
    await call('GET', '/metrics', 304, { ifNoneMatch: etag });

    // Refusals: the shared error body (or API Gateway's own 401).
    await call('GET', '/states/XX', 404);
    await call('GET', '/states?gruop=africa', 400);
    await call('GET', '/obligations/2397-p8-midterm/history', 400);
    await call('POST', '/watches', 400, { as: 'user', body: { target: {}, events: [] } });
    await call('GET', '/watches', 401);
    await call('GET', `/watches/${id}`, 404, { as: 'other' });
    await call('POST', '/states/NG/reports', 403, { as: 'user', body: midtermReportOf('NG') });
    await call('POST', `/watches/${sms.json().id}/test`, 409, { as: 'user', body: {} });
    const smsCode = /\b(\d{6})\b/.exec(
      readOutbox(api.outboxFile).findLast((entry) => entry.to === '+447700900123')?.text ?? '',
    );
    await call('POST', `/watches/${sms.json().id}/verify`, 200, { as: 'user', body: { code: smsCode?.[1] } });
    await call('DELETE', `/watches/${sms.json().id}`, 204, { as: 'user' });
    await call('DELETE', '/me', 204, { as: 'other' });
    // Last: the one-click unsubscribe erases the address's watches.
    await call('POST', unsubscribe.pathname + unsubscribe.search, 200, {
      file: { text: 'List-Unsubscribe=One-Click', type: 'application/x-www-form-urlencoded' },
    });

    expect(breaches).toEqual([]);
    expect(routes.filter((route) => !walkedRoutes.has(route.id)).map((route) => route.id)).toEqual([]);
    expect(routes.filter((route) => !succeededRoutes.has(route.id)).map((route) => route.id)).toEqual([]);
    expect(answered).toEqual(new Set([200, 201, 202, 204, 304, 400, 401, 403, 404, 409]));
  });
});
