import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../../adapters/logger.ts';
import { DomainError, type DomainErrorKind } from '../../core/errors.ts';
import { jsonResponse } from './json-response.ts';

/** The HTTP status of each kind of refusal. */
export const statusByKind: Record<DomainErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  'over-budget': 429,
};

/** middy's early timeout: the handler was still working when its function's time was nearly up. */
const ranOutOfTime = (error: unknown): boolean =>
  error instanceof Error &&
  error.name === 'TimeoutError' &&
  (error.cause as { readonly package?: unknown } | undefined)?.package === '@middy/core';

/**
 * The one place where errors become HTTP answers: a DomainError becomes its 4xx with
 * `{"error": {"code", "message", "field"}}` (a 429 also names the budget, and says in `Retry-After` when to ask again);
 * a request that ran out of its function's time becomes a 504 `timed-out`; anything else is logged
 * with its context and answered with a generic 500 that leaks nothing.
 */
export const httpErrorMapper = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const { error, event } = request;
    if (error instanceof DomainError) {
      logger.info('request rejected', { route: event.routeKey, code: error.code, field: error.field });
      const { refusal } = error;
      request.response = jsonResponse(
        statusByKind[error.kind],
        {
          error: {
            code: error.code,
            message: error.message,
            ...(error.field ? { field: error.field } : {}),
            ...(refusal ? { budget: refusal.budget, retryAfterSeconds: refusal.retryAfterSeconds } : {}),
          },
        },
        {
          ...(refusal ? { 'retry-after': String(refusal.retryAfterSeconds) } : {}),
          // RFC 6750 §3: a 401 names the scheme that would have been accepted.
          ...(error.kind === 'unauthenticated' ? { 'www-authenticate': 'Bearer' } : {}),
        },
      );
      return;
    }
    if (ranOutOfTime(error)) {
      // middy stops waiting on the handler just before Lambda would end the invocation, so the caller gets a reason.
      logger.error('request ran out of time', { route: event.routeKey, path: event.rawPath });
      request.response = jsonResponse(504, {
        error: {
          code: 'timed-out',
          message: 'The request ran out of time before it finished; what it did so far is kept. Ask again.',
        },
      });
      return;
    }
    logger.error('request failed', { route: event.routeKey, path: event.rawPath, error });
    request.response = jsonResponse(500, {
      error: { code: 'internal-error', message: 'Something went wrong on our side; it has been logged.' },
    });
  },
});
