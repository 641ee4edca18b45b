import type { ChannelKind } from '../watches/watch.ts';
import type { DeliveryJob } from './delivery-job.ts';

/**
 * - `sent`: handed to the notifier, which accepted it.
 * - `capped`: not sent, the contact's daily cap was reached; only in logs written before
 *   2026-12-05, since when a message over the cap waits for the next day instead.
 * - `failed`: refused for good (the reason says why); parked for an operator.
 * - `skipped`: not sent because the address can no longer receive (unsubscribed, opted out).
 */
export type DeliveryStatus = 'sent' | 'capped' | 'failed' | 'skipped';

/** Why a message went: an alert as it happened, a digest, a repeat of what is still overdue, or a test the owner asked for. */
export type DeliveryKind = 'alert' | 'digest' | 'repeat' | 'test';

/** One message to one contact, as its watches' owners see it in `GET /watches/{id}/deliveries`. */
export interface DeliveryLogEntry {
  readonly at: string;
  readonly contact: string;
  readonly channel: ChannelKind;
  readonly kind: DeliveryKind;
  readonly status: DeliveryStatus;
  readonly watchIds: readonly string[];
  readonly eventIds: readonly string[];
  /** The email subject, or the SMS text. */
  readonly summary: string;
  readonly messageId?: string;
  readonly reason?: string;
}

/** An event waiting in a contact's digest, with the states of it that the contact's watches cover. */
export interface QueuedDigestEvent {
  readonly hour: number;
  readonly contact: string;
  readonly eventId: string;
  readonly watchIds: readonly string[];
  readonly states: readonly string[];
  readonly queuedAt: string;
}

/**
 * A delivery that failed for good, with what an operator needs to act on it; never the message
 * text. A pipeline sender's failure carries its whole job, which `sanctions-watch redrive` puts
 * back on the channel's queue once the cause is fixed; the dispatcher's carries none.
 */
export interface DeliveryFailure {
  readonly at: string;
  /** The contact's key (contactKeyOf), never its address: the failure queue keeps messages for 14 days. */
  readonly contactKey: string;
  readonly channel: ChannelKind;
  readonly kind: DeliveryKind;
  readonly watchIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly code: string;
  /** The provider's words, with the address taken out (withoutAddress). */
  readonly message: string;
  readonly job?: DeliveryJob;
}
