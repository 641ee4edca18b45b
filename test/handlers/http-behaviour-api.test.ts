import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS } from '../../lambdas/contracts/cors.ts';
import { routes } from '../../lambdas/contracts/routes.ts';
import { handlerFor as getState } from '../../lambdas/handlers/http/get-state.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

/** What clients and validators expect of any HTTP API, checked against the real handlers behind the local runtime. */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;

beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

/** A request as a browser or feed reader sends it, the body read as text whatever its type. */
const fetchText = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${api.url}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('status codes and headers', () => {
  it('answers a method a known path does not take with 405, the methods it does take in Allow, in JSON', async () => {
    const states = await api.request('/states', { method: 'DELETE' });
    const reports = await api.request('/states/RU/reports');

    expect(states.status).toBe(405);
    expect(states.headers.get('allow')).toBe('GET, HEAD');
    expect(states.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(states.json).toEqual({
      error: { code: 'method-not-allowed', message: '/states answers GET, HEAD, not DELETE' },
    });
    expect(reports.status).toBe(405);
    expect(reports.headers.get('allow')).toBe('POST');
  });

  it('answers a path no route has with 404', async () => {
    const { status, headers, json } = await api.request('/nowhere', { method: 'DELETE' });

    expect(status).toBe(404);
    expect(headers.get('allow')).toBeNull();
    expect(json).toMatchObject({ error: { code: 'route-not-found' } });
  });

  it('names the Bearer scheme on a 401', async () => {
    const { status, headers } = await api.request('/watches');

    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  });

  it('says where a new watch is: 201 with a Location its owner can GET', async () => {
    const created = await api.send(
      'POST',
      '/watches',
      { name: 'Russia', target: { states: ['RU'] }, events: ['report.overdue'], channel: { email: 'uma@example.org' } },
      'user',
    );
    const { id } = created.json as { id: string };
    const location = created.headers.get('location') ?? '';
    const fetched = await api.request(location, { as: 'user' });

    expect(created.status).toBe(201);
    expect(location).toBe(`/watches/${id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toMatchObject({ id });
  });

  it.each(['/states', '/board', '/calendar.ics'])(
    'answers HEAD %s as GET, headers and all, without a body',
    async (path) => {
      const get = await fetchText(path);
      const head = await fetchText(path, { method: 'HEAD' });

      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('cache-control')).toBe(get.headers.get('cache-control'));
      expect(get.text.length).toBeGreaterThan(0);
      expect(head.text).toBe('');
    },
  );
});

describe('HEAD as API Gateway hands it to a function (its own route, beside the GET route)', () => {
  /** The state function's answer to `method /states/<code>`, as the deployed API invokes it. */
  const invoke = async (method: 'GET' | 'HEAD', code: string) => {
    const match = matchRoute(routes, method, `/states/${code}`);
    if (!match) throw new Error(`no route for ${method} /states/${code}`);
    const event = apiGatewayEvent(
      { method, url: `/states/${code}`, headers: {}, body: '', sourceIp: '127.0.0.1' },
      match,
      new Date(),
    );
    return getState(api.deps)(event, localLambdaContext('get-state'));
  };

  it.each(['RU', 'XX'])('answers HEAD /states/%s with the status and headers of the GET, and no body', async (code) => {
    const get = await invoke('GET', code);
    const head = await invoke('HEAD', code);

    expect(head.statusCode).toBe(get.statusCode);
    expect(head.headers).toEqual(get.headers);
    expect(get.body).toBeDefined();
    expect(head.body).toBeUndefined();
  });
});

describe('a function that runs out of time', () => {
  it('answers 504 timed-out in JSON, before Lambda would end it with no answer of ours', async () => {
    const match = matchRoute(routes, 'GET', '/states/RU');
    if (!match) throw new Error('no route for GET /states/RU');
    const event = apiGatewayEvent(
      { method: 'GET', url: '/states/RU', headers: {}, body: '', sourceIp: '127.0.0.1' },
      match,
      new Date(),
    );

    // 1 ms left: the table read cannot answer in time.
    const result = await getState(api.deps)(event, localLambdaContext('get-state', 1));

    expect(result.statusCode).toBe(504);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(result.body ?? '')).toEqual({
      error: { code: 'timed-out', message: expect.stringMatching(/ran out of time/) },
    });
  });
});

describe('CORS, as the stack configures it on the HTTP API', () => {
  const origin = 'https://newsroom.example';

  it('answers a preflight itself with the allowed origin, methods and how long to remember them', async () => {
    const { status, headers, text } = await fetchText('/states', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    });

    expect(status).toBe(204);
    expect(text).toBe('');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('access-control-allow-methods')).toBe(CORS.allowMethods.join(','));
    expect(headers.get('access-control-max-age')).toBe('86400');
  });

  it('lets a page on another site read what it GETs, and says nothing to a request from no site', async () => {
    const crossSite = await fetchText('/states', { headers: { origin } });
    const sameSite = await fetchText('/states');

    expect(crossSite.status).toBe(200);
    expect(crossSite.headers.get('access-control-allow-origin')).toBe('*');
    expect(sameSite.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** A GET over plain node:http, which leaves the body as sent: fetch would decompress it. */
const rawGet = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
    get(`${api.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', fail);
  });

describe('compression', () => {
  it.each([
    ['gzip', 'gzip, deflate', gunzipSync],
    ['br', 'gzip, deflate, br', brotliDecompressSync],
  ] as const)(
    'sends /board and /states as %s when the client accepts it, saying it varies',
    async (coding, accept, decode) => {
      for (const path of ['/board', '/states']) {
        const plain = await rawGet(path, {});
        const compressed = await rawGet(path, { 'accept-encoding': accept });

        expect(compressed.status).toBe(200);
        expect(compressed.headers['content-encoding']).toBe(coding);
        expect(compressed.headers.vary).toBe('Accept-Encoding');
        expect(decode(compressed.body).toString('utf8')).toBe(plain.body.toString('utf8'));
        expect(compressed.body.length).toBeLessThan(plain.body.length / 4);
      }
    },
  );

  it('sends the body as it is to a client that accepts no coding, or refuses them with q=0', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const { headers, body } = await rawGet('/states', accept === undefined ? {} : { 'accept-encoding': accept });

      expect(headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(body.toString('utf8'))).toMatchObject({ count: 193 });
    }
  });
});

describe('conditional requests', () => {
  it.each(['/board', '/calendar.ics', '/states'])(
    'gives %s a strong ETag, and answers 304 when If-None-Match holds it',
    async (path) => {
      const first = await rawGet(path, {});
      const etag = first.headers.etag ?? '';
      const again = await rawGet(path, { 'if-none-match': etag });
      const other = await rawGet(path, { 'if-none-match': '"something-else"' });

      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
      expect(other.status).toBe(200);
      expect(other.body.equals(first.body)).toBe(true);
    },
  );

  it('tags each coding of the same body apart, and takes any of them as unchanged', async () => {
    const plain = await rawGet('/board', {});
    const gzipped = await rawGet('/board', { 'accept-encoding': 'gzip' });
    const revalidated = await rawGet('/board', {
      'accept-encoding': 'br',
      'if-none-match': gzipped.headers.etag ?? '',
    });

    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);
    expect(revalidated.status).toBe(304);
  });
});
