import type { ChannelKind } from '../watches/watch.ts';

/**
 * What the address itself has said, whoever asked:
 * - `pending`: no owner's request for it has been confirmed yet (since it left, if it did).
 * - `confirmed`: it confirmed at least one owner's request (see Consent: each owner needs its own).
 * - `gone`: it unsubscribed, bounced for good or complained; nothing is sent and every owner's
 *   consent is erased, until an owner asks again and it confirms.
 * - `opted-out`: the phone number replied STOP.
 */
export type ContactState = 'pending' | 'confirmed' | 'gone' | 'opted-out';

/** A pending SMS verification: the code is kept only as a hash. */
export interface SmsVerification {
  readonly codeHash: string;
  readonly attemptsLeft: number;
}

/** An address alerts go to, shared by every watch that names it, so it gets one message per run. */
export interface Contact {
  /** See contactOf: `email:ana@example.org`, `sms:+447700900123`. */
  readonly id: string;
  readonly channel: ChannelKind;
  readonly to: string;
  readonly state: ContactState;
  /** When confirmation was last asked for. */
  readonly requestedAt: string;
  readonly updatedAt: string;
  /** The address signed itself up on the public form and confirmed: its messages carry its manage link. */
  readonly signedUp?: true;
}

/** How long a confirmation link works: long enough for a weekend away from mail. */
export const EMAIL_CONFIRMATION_DAYS = 3;
/** An SMS code is typed within minutes, or asked for again. */
export const SMS_CODE_MINUTES = 15;
/** Wrong codes allowed before a new one must be asked for: one in a million per guess, five guesses. */
export const SMS_CODE_ATTEMPTS = 5;

/** Whether a pending request's link or code has stopped working. */
export const isConfirmationExpired = (
  request: { readonly state: string; readonly confirmBy?: string },
  now: Date,
): boolean =>
  request.state === 'pending' && request.confirmBy !== undefined && Date.parse(request.confirmBy) <= now.getTime();
