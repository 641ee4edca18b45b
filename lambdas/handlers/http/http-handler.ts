import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requestLogging } from '../request-logging.ts';
import { httpErrorMapper } from './http-error-mapper.ts';
import { jsonResponse } from './json-response.ts';

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
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
 * structured logging and the error mapper. The route only parses its input and calls the core.
 */
export const httpHandler = (route: (event: APIGatewayProxyEventV2) => Promise<HttpResult | TextResult>) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(requestLogging())
    .use(httpErrorMapper())
    .handler(async (event) => {
      const result = await route(event);
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
      return result.body === undefined ? { statusCode: result.status } : jsonResponse(result.status, result.body);
    });
