import { NotifierError, type NotifierErrorCode } from '../core/ports/notifier.ts';

/** Connection failures the SDK gave up retrying; the service itself may be fine a minute later. */
const transientNetworkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Turns a provider's (SES, SNS) errors into NotifierErrors: by the error's name without its
 * `Exception` suffix when the provider's table knows it, else by HTTP status (429 throttled, 5xx
 * unavailable) or a transient network code, else `rejected`. `context` says what was attempted and
 * for whom; the provider's error is kept as the cause for the logs.
 */
export const providerErrorMapper =
  (codeByName: ReadonlyMap<string, NotifierErrorCode>) =>
  (error: unknown, context: string): NotifierError => {
    if (error instanceof NotifierError) return error;
    const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
    const name = typeof shape.name === 'string' ? shape.name : 'unknown error';
    const status = shape.$metadata?.httpStatusCode ?? 0;
    const code: NotifierErrorCode =
      codeByName.get(name.replace(/Exception$/, '')) ??
      (status === 429
        ? 'throttled'
        : status >= 500 || (typeof shape.code === 'string' && transientNetworkCodes.has(shape.code))
          ? 'unavailable'
          : 'rejected');
    return new NotifierError(code, `${context} failed: ${name}`, { cause: error });
  };
