import type { DeliveryKind } from '../delivery/delivery-records.ts';
import type { ChannelKind } from '../watches/watch.ts';

/** One message to one contact: the email part for channel email, the SMS text for channel sms. */
export interface OutgoingMessage {
  /** See contactOf. */
  readonly contact: string;
  readonly channel: ChannelKind;
  /** The email address or E.164 phone number. */
  readonly to: string;
  readonly email?: { readonly subject: string; readonly body: string };
  readonly sms?: string;
  readonly eventIds: readonly string[];
  readonly dedupKey: string;
  /** What the message is, for the provider's metrics (SES tags it): a delivery, or a request for consent. */
  readonly kind?: DeliveryKind | 'confirmation';
  /** Email: the contact's signed one-click unsubscribe link (unsubscribe-link.ts), for the headers and the footer. */
  readonly unsubscribeUrl?: string;
}

/**
 * - `throttled`, `unavailable`: the service is busy or failing; retried later.
 * - `opted-out`: the phone number replied STOP; nothing is sent to it.
 * - `invalid-message`: the message breaks a rule of the channel (say, a subject too long).
 * - `not-found`: the address no longer exists (a hard bounce the provider reports at once).
 * - `misconfigured`: our permissions or encryption key are wrong; an operator must act.
 * - `rejected`: any other refusal by the service.
 */
export type NotifierErrorCode =
  | 'throttled'
  | 'unavailable'
  | 'opted-out'
  | 'invalid-message'
  | 'not-found'
  | 'misconfigured'
  | 'rejected';

const retryableCodes: ReadonlySet<NotifierErrorCode> = new Set(['throttled', 'unavailable']);

/**
 * A failed send; `retryable` says whether trying again later can help.
 * Messages name the contact and channel, never the message text.
 */
export class NotifierError extends Error {
  readonly code: NotifierErrorCode;
  readonly retryable: boolean;

  constructor(code: NotifierErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'NotifierError';
    this.code = code;
    this.retryable = retryableCodes.has(code);
  }
}
