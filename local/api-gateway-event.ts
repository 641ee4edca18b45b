import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RouteDefinition } from '../lambdas/contracts/routes.ts';

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly pathParameters: Record<string, string>;
}

const segments = (path: string): string[] => path.split('/').filter((part) => part !== '');

/**
 * Finds the route API Gateway would pick: literal segments beat `{param}` segments, as in
 * HTTP APIs. Returns undefined when no route has the path and method.
 */
export const matchRoute = (
  routes: readonly RouteDefinition[],
  method: string,
  rawPath: string,
): RouteMatch | undefined => {
  const requested = segments(rawPath);
  const candidates = routes
    .filter((route) => route.method === method)
    .map((route) => {
      const pattern = segments(route.path);
      if (pattern.length !== requested.length) return undefined;
      const pathParameters: Record<string, string> = {};
      let literals = 0;
      for (const [index, part] of pattern.entries()) {
        const actual = requested[index] ?? '';
        const param = /^\{(\w+)\}$/.exec(part);
        if (param?.[1]) pathParameters[param[1]] = actual;
        else if (part === actual) literals += 1;
        else return undefined;
      }
      return { route, pathParameters, literals };
    })
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => b.literals - a.literals);
  const best = candidates[0];
  return best && { route: best.route, pathParameters: best.pathParameters };
};

export interface IncomingRequest {
  readonly method: string;
  /** Path and query string as received, e.g. `/states?group=africa`. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly sourceIp: string;
}

/** Builds the HTTP API (payload format 2.0) event a Lambda receives for this request in AWS. */
export const apiGatewayEvent = (request: IncomingRequest, match: RouteMatch, now: Date): APIGatewayProxyEventV2 => {
  const url = new URL(request.url, 'http://localhost');
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    // API Gateway joins repeated parameters with commas.
    queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  }
  const routeKey = `${match.route.method} ${match.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: request.headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
    ...(request.body === '' ? {} : { body: request.body }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
};
