import type { NotifierErrorCode } from '../../core/ports/notifier.ts';
import { providerErrorMapper } from '../provider-errors.ts';

/**
 * SES v2 error names without their `Exception` suffix: SendEmail's modelled errors (as
 * @aws-sdk/client-sesv2's SendEmailCommand declares them), and the common ones the SDK passes on
 * by their wire code.
 */
const codeByName: ReadonlyMap<string, NotifierErrorCode> = new Map(
  Object.entries({
    // The sending rate: HTTP 429, "Maximum sending rate exceeded." The daily quota: a throttling
    // error, "Daily message quota exceeded"; SES's advice is to wait up to ten minutes and retry
    // (https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html).
    TooManyRequests: 'throttled',
    Throttling: 'throttled',
    // "Too many instances of the specified resource type": a limit, not a fault of the message.
    LimitExceeded: 'throttled',
    // The account's or the configuration set's sending is paused, by SES or by an operator: the
    // messages wait, and go once it is resumed.
    SendingPaused: 'unavailable',
    InternalServiceError: 'unavailable',
    InternalFailure: 'unavailable',
    ServiceUnavailable: 'unavailable',
    TimeoutError: 'unavailable',
    // The content was refused (a virus, say): the same message would be refused again.
    MessageRejected: 'rejected',
    BadRequest: 'invalid-message',
    // Only an operator can cure these: a suspended account, an unverified sending domain, a
    // configuration set or identity that does not exist, a role without the grant.
    AccountSuspended: 'misconfigured',
    MailFromDomainNotVerified: 'misconfigured',
    NotFound: 'misconfigured',
    AccessDenied: 'misconfigured',
  } as const),
);

/** The NotifierError for a failed SES call, e.g. `SendEmail for email:ana@example.org`. */
export const sesNotifierError = providerErrorMapper(codeByName);
