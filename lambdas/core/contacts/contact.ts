import type { ContactAddress } from '../ports/notifier.ts';
import type { ChannelKind } from '../watches/watch.ts';

/**
 * - `pending`: asked to confirm (an email link, an SMS code), not yet done.
 * - `confirmed`: may receive alerts.
 * - `gone`: the address unsubscribed (SNS's footer link, or a lapsed subscription); nothing is
 *   sent and nothing re-subscribes it until an owner asks again.
 * - `opted-out`: the phone number replied STOP to SNS.
 */
export type ContactState = 'pending' | 'confirmed' | 'gone' | 'opted-out';

/** A pending SMS verification: the code is kept only as a hash. */
export interface SmsVerification {
  readonly codeHash: string;
  readonly attemptsLeft: number;
}

/**
 * An address alerts go to, shared by every watch that names it (whoever owns them), so it
 * confirms once and gets one message per run.
 */
export interface Contact {
  /** See contactOf: `email:ana@example.org`, `sms:+447700900123`. */
  readonly id: string;
  readonly channel: ChannelKind;
  readonly to: string;
  readonly state: ContactState;
  /** Where the notifier reaches an email contact (its SNS topic and subscription). */
  readonly address?: ContactAddress;
  readonly verification?: SmsVerification;
  /** When confirmation was last asked for. */
  readonly requestedAt: string;
  /** A pending contact's link or code stops working at this instant. */
  readonly confirmBy?: string;
  readonly updatedAt: string;
}

/** SNS's confirmation link lapses after three days; the service says so rather than waiting forever. */
export const EMAIL_CONFIRMATION_DAYS = 3;
/** An SMS code is typed within minutes, or asked for again. */
export const SMS_CODE_MINUTES = 15;
/** Wrong codes allowed before a new one must be asked for: one in a million per guess, five guesses. */
export const SMS_CODE_ATTEMPTS = 5;

export const isConfirmationExpired = (contact: Pick<Contact, 'state' | 'confirmBy'>, now: Date): boolean =>
  contact.state === 'pending' && contact.confirmBy !== undefined && Date.parse(contact.confirmBy) <= now.getTime();
