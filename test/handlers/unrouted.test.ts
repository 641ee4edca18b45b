import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { handlerFor } from '../../lambdas/handlers/http/unrouted.ts';
import { apiGatewayEvent } from '../../local/api-gateway-event.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';

/** The `$default` route's function, as API Gateway invokes it with a request no route takes. */
const unrouted = handlerFor(routes);
const invoke = async (method: string, url: string) => {
  const event = apiGatewayEvent(
    { method, url, headers: {}, body: '', sourceIp: '127.0.0.1' },
    undefined,
    new Date('2026-01-01T00:00:00Z'),
  );
  const result = await unrouted(event, localLambdaContext('unrouted'));
  if (typeof result === 'string') throw new Error('expected a structured result');
  return result;
};

describe("the API's catch-all route", () => {
  it('answers a known path asked with another method 405, listing the methods in Allow', async () => {
    const result = await invoke('DELETE', '/watches');

    expect(result.statusCode).toBe(405);
    expect(result.headers?.['allow']).toBe('GET, HEAD, POST');
    expect(JSON.parse(result.body ?? '')).toMatchObject({ error: { code: 'method-not-allowed' } });
  });

  it('lists HEAD wherever GET is allowed, as each GET route has a HEAD twin', async () => {
    const result = await invoke('POST', '/board');

    expect(result.statusCode).toBe(405);
    expect(result.headers?.['allow']).toBe('GET, HEAD');
  });

  it('answers a HEAD with the status and headers a GET gets, and no body', async () => {
    for (const path of ['/nowhere', '/states/RU/reports']) {
      const get = await invoke('GET', path);
      const head = await invoke('HEAD', path);

      expect(head.statusCode, path).toBe(get.statusCode);
      expect(head.headers, path).toEqual(get.headers);
      expect(get.body, path).toBeDefined();
      expect(head.body, path).toBeUndefined();
    }
  });

  it('answers a path the API does not have 404', async () => {
    expect((await invoke('GET', '/nowhere')).statusCode).toBe(404);
  });
});
