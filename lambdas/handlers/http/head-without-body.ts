import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Middleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/** Drops the body of the answer to a HEAD, keeping its status and headers. */
const stripBody: NonNullable<Middleware['after']> = (request) => {
  const { response } = request;
  if (request.event.requestContext.http.method !== 'HEAD' || response?.body === undefined) return;
  request.response = {
    statusCode: response.statusCode,
    ...(response.headers ? { headers: response.headers } : {}),
    ...(response.cookies ? { cookies: response.cookies } : {}),
  };
};

/**
 * A HEAD is answered with the status and headers its GET would get and no body (RFC 9110 §9.3.2),
 * refusals and errors included: the API routes HEAD to the GET route's function, and the function,
 * not API Gateway, is where the body is left out. Used before the error mapper, so that it runs
 * after it (middy runs `after` and `onError` in reverse order).
 */
export const headWithoutBody = (): Middleware => ({ after: stripBody, onError: stripBody });
