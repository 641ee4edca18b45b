import type { NotifierErrorCode } from '../../core/ports/notifier.ts';
import { providerErrorMapper } from '../provider-errors.ts';

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

/** The NotifierError for a failed SNS call, e.g. `Publish for email:ana@example.org (email)`. */
export const notifierErrorFrom = providerErrorMapper(codeByName);
