import type { AlertEventType } from '../alerts/alert-event.ts';

export type WatchStatus = 'pending-confirmation' | 'active' | 'paused' | 'opted-out' | 'unsubscribed';

/** Which states a watch covers: named states, groups (resolved when an event is matched), or all. */
export interface WatchTarget {
  /** Alpha-2 codes. */
  readonly states?: readonly string[];
  readonly groups?: readonly string[];
  readonly all?: true;
}

/** Where alerts go: an email address, or a phone number in E.164 form. */
export type WatchChannel = { readonly email: string } | { readonly sms: string };

/** When a digest watch names no hour. */
export const DEFAULT_DIGEST_HOUR_UTC = 8;

export interface WatchDelivery {
  readonly mode: 'immediate' | 'digest';
  /** The hour (UTC, 0–23) a digest goes out; only with mode digest. */
  readonly digestHourUtc?: number;
  /** Repeat an unresolved alert every N days (the dispatcher's concern). */
  readonly repeatEveryDays?: number;
  /** Also tell this watch when an overdue state it covers finally reports. */
  readonly resolved: boolean;
}

/** A subscriber's standing request to hear about some events for some states. */
export interface Watch {
  readonly id: string;
  /** The `sub` of the token that created it. */
  readonly owner: string;
  readonly name?: string;
  readonly target: WatchTarget;
  readonly events: readonly AlertEventType[];
  /** Only these obligations, for events about an obligation. */
  readonly obligations?: readonly string[];
  /** Only obligations of these committees (by founding resolution, e.g. `1718`), for events about an obligation. */
  readonly committees?: readonly string[];
  /** Only these metrics, for events about a metric. */
  readonly metrics?: readonly string[];
  /** figure.changed only when the absolute percentage change reaches this. */
  readonly minChangePct?: number;
  readonly channel: WatchChannel;
  readonly delivery: WatchDelivery;
  readonly status: WatchStatus;
  /** ISO-8601 instant; events at or after it are heard again. */
  readonly mutedUntil?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type ChannelKind = 'email' | 'sms';

export interface Destination {
  readonly channel: ChannelKind;
  readonly to: string;
}

/** Whether the watch hears anything at `at` (ms since the epoch): active, and not muted then. */
export const listensAt = (watch: Pick<Watch, 'status' | 'mutedUntil'>, at: number): boolean =>
  watch.status === 'active' && (watch.mutedUntil === undefined || Date.parse(watch.mutedUntil) <= at);

export const destinationOf = (channel: WatchChannel): Destination =>
  'email' in channel ? { channel: 'email', to: channel.email } : { channel: 'sms', to: channel.sms };

/**
 * The contact a watch delivers to, e.g. `email:ana@example.org` or `sms:+447700900123`. One
 * contact may hold many watches and must get one message per run, so this is the grouping key.
 * Email addresses are lowercased: mail systems treat `Ana@Example.org` as the same mailbox.
 */
export const contactOf = (watch: Pick<Watch, 'channel'>): string => {
  const { channel, to } = destinationOf(watch.channel);
  return channel === 'email' ? `email:${to.toLowerCase()}` : `sms:${to}`;
};
