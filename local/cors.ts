import { CORS } from '../lambdas/contracts/cors.ts';

type Headers = Readonly<Record<string, string | undefined>>;

/** The origin a response may be read from, as API Gateway says it: `*`, or the request's own origin when it is allowed. */
const allowedOrigin = (origin: string | undefined): string | undefined => {
  if (origin === undefined) return undefined;
  const allowed: readonly string[] = CORS.allowOrigins;
  if (allowed.includes('*')) return '*';
  return allowed.includes(origin) ? origin : undefined;
};

/**
 * Whether a request is a CORS preflight, which API Gateway answers itself when the API has a CORS
 * configuration, before any route: an OPTIONS naming the method it asks for.
 */
export const isPreflight = (method: string, headers: Headers): boolean =>
  method === 'OPTIONS' && headers['origin'] !== undefined && headers['access-control-request-method'] !== undefined;

/** API Gateway's answer to a preflight, from the CORS configuration the stack gives the API. */
export const preflightHeaders = (headers: Headers): Record<string, string> => {
  const origin = allowedOrigin(headers['origin']);
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': CORS.allowMethods.join(','),
    'access-control-max-age': String(CORS.maxAgeSeconds),
  };
};

/** What API Gateway adds to a cross-origin request's answer, in place of any CORS header the function sent. */
export const corsResponseHeaders = (headers: Headers): Record<string, string> => {
  const origin = allowedOrigin(headers['origin']);
  return origin === undefined ? {} : { 'access-control-allow-origin': origin };
};
