import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RouteMatch } from '../lambdas/handlers/http/route-match.ts';

/** Where the API's routing lives: in the handlers, so that the catch-all function routes as the local server does. */
export { matchRoute } from '../lambdas/handlers/http/route-match.ts';

export interface IncomingRequest {
  readonly method: string;
  /** Path and query string as received, e.g. `/states?group=africa`. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly sourceIp: string;
}

/** Builds the HTTP API (payload format 2.0) event a Lambda receives for this request in AWS; without a match, the `$default` route's. */
export const apiGatewayEvent = (
  request: IncomingRequest,
  match: RouteMatch | undefined,
  now: Date,
): APIGatewayProxyEventV2 => {
  const url = new URL(request.url, 'http://localhost');
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    // API Gateway joins repeated parameters with commas.
    queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  }
  const routeKey = match ? `${request.method} ${match.route.path}` : '$default';
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: request.headers,
    ...(Object.keys(queryStringParameters).length > 0 ? { queryStringParameters } : {}),
    ...(match && Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
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
