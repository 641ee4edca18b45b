import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requestLogging } from '../request-logging.ts';
import { headWithoutBody } from './head-without-body.ts';
import { httpErrorMapper } from './http-error-mapper.ts';
import { jsonResponse } from './json-response.ts';
import { negotiatedResponse } from './negotiated-response.ts';

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
  /** More headers, such as `location` or `allow`. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
/** 201, saying in `Location` where the new resource is (RFC 9110 §15.3.2) when it has a URL of its own. */
export const created = (body: unknown, location?: string): HttpResult => ({
  status: 201,
  body,
  ...(location === undefined ? {} : { headers: { location } }),
});
export const noContent = (): HttpResult => ({ status: 204, body: undefined });

/** A body that is not JSON (a calendar, a feed, a page), sent as it is with its content type. Errors stay JSON. */
export interface TextResult {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  /** More headers, such as `cache-control`. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const okText = (
  body: string,
  contentType: string,
  headers: Readonly<Record<string, string>> = {},
): TextResult => ({ status: 200, body, contentType, headers });

/**
 * What every page the service serves may do: its own inline styles and nothing else it did not
 * ship (no scripts at all), post its forms only to itself, and never be framed by another site
 * (clickjacking a Confirm or Unsubscribe button). Browsers must not guess another content type.
 */
const pageHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
} as const;

/**
 * Wraps a route's use of the core in the middleware every HTTP function shares: request-scoped
 * structured logging, the error mapper, and no body for a HEAD. The route only parses its input
 * and calls the core.
 */
export const httpHandler = (route: (event: APIGatewayProxyEventV2) => Promise<HttpResult | TextResult>) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(requestLogging())
    .use(headWithoutBody())
    .use(httpErrorMapper())
    .handler(async (event) => negotiatedResponse(event, responseOf(await route(event))));

const responseOf = (result: HttpResult | TextResult): APIGatewayProxyStructuredResultV2 => {
  if ('contentType' in result)
    return {
      statusCode: result.status,
      headers: {
        ...result.headers,
        ...(result.contentType.startsWith('text/html') ? pageHeaders : { 'x-content-type-options': 'nosniff' }),
        'content-type': result.contentType,
      },
      body: result.body,
    };
  return result.body === undefined
    ? { statusCode: result.status, ...(result.headers ? { headers: { ...result.headers } } : {}) }
    : jsonResponse(result.status, result.body, result.headers);
};
