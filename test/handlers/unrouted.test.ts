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

  it('leaves out of Allow the method it was asked with: in AWS, a HEAD has no route of its own', async () => {
    const result = await invoke('HEAD', '/board');

    expect(result.statusCode).toBe(405);
    expect(result.headers?.['allow']).toBe('GET');
  });

  it('answers a path the API does not have 404', async () => {
    expect((await invoke('GET', '/nowhere')).statusCode).toBe(404);
  });
});
