import { NotifierError, type NotifierErrorCode } from '../../core/ports/notifier.ts';

/**
 * SNS error names without their `Exception` suffix: the SDK names modelled errors
 * `NotFoundException` and passes others (e.g. the generic `Throttling`) on by their wire code.
 */
const codeByName: ReadonlyMap<string, NotifierErrorCode> = new Map(
  Object.entries({
    Throttled: 'throttled',
    Throttling: 'throttled',
    TooManyRequests: 'throttled',
    KMSThrottling: 'throttled',
    InternalError: 'unavailable',
    ServiceUnavailable: 'unavailable',
    TimeoutError: 'unavailable',
    NotFound: 'not-found',
    OptedOut: 'opted-out',
    AuthorizationError: 'misconfigured',
    KMSAccessDenied: 'misconfigured',
    KMSDisabled: 'misconfigured',
    KMSInvalidState: 'misconfigured',
    KMSNotFound: 'misconfigured',
    KMSOptInRequired: 'misconfigured',
  } as const),
);

/** Connection failures the SDK gave up retrying; the service itself may be fine a minute later. */
const transientNetworkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const codeOf = (error: ErrorShape): NotifierErrorCode => {
  const name = typeof error.name === 'string' ? error.name.replace(/Exception$/, '') : '';
  const known = codeByName.get(name);
  if (known) return known;
  const status = error.$metadata?.httpStatusCode ?? 0;
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  if (typeof error.code === 'string' && transientNetworkCodes.has(error.code)) return 'unavailable';
  return 'rejected';
};

/**
 * The NotifierError for a failed SNS call. `context` says what was attempted and for whom, e.g.
 * `Publish for email:ana@example.org (email)`; the SNS error is kept as the cause for the logs.
 */
export const notifierErrorFrom = (error: unknown, context: string): NotifierError => {
  if (error instanceof NotifierError) return error;
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
  const name = typeof shape.name === 'string' ? shape.name : 'unknown error';
  return new NotifierError(codeOf(shape), `${context} failed: ${name}`, { cause: error });
};
