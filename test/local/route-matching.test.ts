import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../lambdas/contracts/routes.ts';
import { allowedMethods } from '../../lambdas/handlers/http/route-match.ts';
import { apiGatewayEvent, matchRoute } from '../../local/api-gateway-event.ts';

const route = (id: string, method: RouteDefinition['method'], path: string): RouteDefinition => ({
  notifies: false,
  id,
  method,
  path,
  entry: `lambdas/handlers/http/${id}.ts`,
  tableAccess: 'read',
  auth: 'public',
});

const table = [
  route('get-state', 'GET', '/states/{code}'),
  route('get-figures', 'GET', '/states/{code}/figures'),
  route('get-board', 'GET', '/states/board'),
  route('post-report', 'POST', '/states/{code}/reports'),
];

describe('the local API Gateway adapter', () => {
  it('prefers literal segments over parameters, as HTTP APIs do', () => {
    expect(matchRoute(table, 'GET', '/states/board')?.route.id).toBe('get-board');
    expect(matchRoute(table, 'GET', '/states/RU')).toEqual({ route: table[0], pathParameters: { code: 'RU' } });
    expect(matchRoute(table, 'GET', '/states/RU/figures/')?.route.id).toBe('get-figures');
  });

  it('finds nothing for another method or path', () => {
    expect(matchRoute(table, 'DELETE', '/states/RU')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/states/RU/reports')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/')).toBeUndefined();
  });

  it('serves HEAD with the GET route of the path, as the stack routes it', () => {
    expect(matchRoute(table, 'HEAD', '/states/RU')).toEqual({ route: table[0], pathParameters: { code: 'RU' } });
    expect(matchRoute(table, 'HEAD', '/states/RU/reports')).toBeUndefined();
  });

  it("lists a path's methods for an Allow header, HEAD with GET, and none for a path no route has", () => {
    expect(allowedMethods(table, '/states/RU')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(table, '/states/RU/reports')).toEqual(['POST']);
    expect(allowedMethods(table, '/states/board')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(table, '/nowhere')).toEqual([]);
  });

  it('builds a payload-2.0 event with the route key, path parameters and comma-joined repeated query parameters', () => {
    const match = matchRoute(table, 'GET', '/states/RU/figures');
    if (!match) throw new Error('route not matched');
    const event = apiGatewayEvent(
      {
        method: 'GET',
        url: '/states/RU/figures?metric=a&metric=b&asOf=2019-12-16',
        headers: { host: 'localhost:3000' },
        body: '',
        sourceIp: '127.0.0.1',
      },
      match,
      new Date('2019-12-16T10:00:00Z'),
    );

    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /states/{code}/figures',
      rawPath: '/states/RU/figures',
      rawQueryString: 'metric=a&metric=b&asOf=2019-12-16',
      queryStringParameters: { metric: 'a,b', asOf: '2019-12-16' },
      pathParameters: { code: 'RU' },
      requestContext: {
        http: { method: 'GET', path: '/states/RU/figures' },
        stage: '$default',
        timeEpoch: Date.parse('2019-12-16T10:00:00Z'),
      },
    });
    expect(event.body).toBeUndefined();
  });
});
