/**
 * What scripts on other sites may do with the API: the HTTP API's CORS configuration in the stack,
 * and what the local server answers in its place. Reading the public data from a browser is
 * allowed; writing is not (the watch routes take a bearer token, which no allowed header carries).
 */
export const CORS = {
  /** The stack's default; a deploy may narrow it. */
  allowOrigins: ['*'],
  allowMethods: ['GET'],
  /** How long a browser may reuse a preflight's answer: a day. */
  maxAgeSeconds: 24 * 60 * 60,
} as const;
