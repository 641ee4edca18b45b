/** The five things subscribers are alerted about, and one only admins hear of. */
export const alertEventTypes = [
  'deadline.approaching',
  'report.overdue',
  'deadline.passed',
  'report.received',
  'figure.changed',
  'source.proposal',
] as const;

export type AlertEventType = (typeof alertEventTypes)[number];

/**
 * `source.proposal`: the source job found a UN document that may be a state's report, not yet
 * reviewed. Until an admin accepts it, it is a guess, so only admins' watches hear it and the
 * public alert list and sign-up form leave it out.
 */
export const adminOnlyAlertEventTypes: readonly AlertEventType[] = ['source.proposal'];

/** What anyone may list and subscribe to. */
export const publicAlertEventTypes = alertEventTypes.filter((type) => !adminOnlyAlertEventTypes.includes(type));

/**
 * One alert, whoever detected it (the deadline checker or the stream processor). `dedupKey` is
 * deterministic: the same fact always yields the same key, and the store writes each key once,
 * which is what makes emission exactly-once. `id` is derived from the key.
 */
export interface AlertEvent {
  readonly id: string;
  readonly type: AlertEventType;
  /** ISO-8601 instant the event was detected as of (the checker's "now"). */
  readonly at: string;
  readonly state?: string;
  readonly obligationId?: string;
  /** The committee of the obligation, where the catalogue names one: what watches on committees match. */
  readonly committee?: string;
  readonly metric?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dedupKey: string;
  /**
   * The delivery wave the event went out in (see core/delivery/wave-id.ts), set when it is
   * stored and never changed: a checker run's events form one wave, changes detected within one
   * grouping window another. Absent on events derived but not yet stored, and on events stored
   * before waves existed.
   */
  readonly waveId?: string;
  /** ISO-8601 instant the event was stored: where its stream-to-send latency starts. Absent on events stored before it was kept. */
  readonly storedAt?: string;
}

/** An event as stored: always in a wave. */
export type WavedAlertEvent = AlertEvent & { readonly waveId: string };
