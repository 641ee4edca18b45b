import { createHash } from 'node:crypto';
import { contactKeyOf } from '../contacts/contact-key.ts';
import type { ChannelKind } from '../watches/watch.ts';
import type { Delivery } from './group-deliveries.ts';

/** A wave to plan: what the announcer puts on the wave queue, once per wave it sees. */
export interface WaveAnnouncement {
  readonly waveId: string;
}

/**
 * One slice of a large wave's part: the planner sends one per contact shard, and a shard worker
 * matches the part's events against that shard's watches.
 */
export interface ShardJob {
  readonly waveId: string;
  readonly part: number;
  readonly shard: number;
  readonly eventIds: readonly string[];
}

/** One event of a job, with the states of it that the contact's watches cover. */
export interface JobEvent {
  readonly id: string;
  readonly states: readonly string[];
  /** In a repeat job: which re-announcement of the stored event this is (repeat-event.ts). */
  readonly round?: number;
}

/** What a job's message is beside a wave's alert: the hour's digest, or a reminder of what is still overdue. */
export type ScheduledJobKind = 'digest' | 'repeat';

/**
 * One message to one contact for one part of a wave, however many of its watches matched: what
 * a sender takes off its channel's queue. It names the contact by its key, never its address:
 * the address is the contact item's, read when the message is sent.
 */
export interface DeliveryJob {
  readonly waveId: string;
  readonly part: number;
  /** See contactKeyOf. */
  readonly contactKey: string;
  readonly channel: ChannelKind;
  /** The contact's watches that matched, sorted. */
  readonly watchIds: readonly string[];
  /** In news order. */
  readonly events: readonly JobEvent[];
  /** The claim a sender takes before sending: one per (contact, wave part), or per (contact, events) for a scheduled job. */
  readonly dedupKey: string;
  /** Absent for a wave's alert. */
  readonly kind?: ScheduledJobKind;
}

/**
 * A delivery as its job: the contact by key, each event by id with its states. A repeat's events
 * are derived, not stored: `storedAs` names the stored event and the round each stands for.
 */
export const jobOf = (
  delivery: Delivery,
  fields: Pick<DeliveryJob, 'waveId' | 'part' | 'dedupKey'> & { readonly kind?: ScheduledJobKind },
  storedAs: (eventId: string) => Pick<JobEvent, 'id' | 'round'> = (id) => ({ id }),
): DeliveryJob => ({
  waveId: fields.waveId,
  part: fields.part,
  contactKey: contactKeyOf(delivery.contact),
  channel: delivery.channel,
  watchIds: delivery.watchIds,
  events: delivery.events.map(({ event, states }) => ({ ...storedAs(event.id), states })),
  dedupKey: fields.dedupKey,
  ...(fields.kind === undefined ? {} : { kind: fields.kind }),
});

/** Same wave part, same contact, same key, however often the part is planned; no address in it. */
export const deliveryJobKey = (waveId: string, part: number, contact: string): string =>
  `msg:${createHash('sha256')
    .update([waveId, String(part), contact].join('\n'), 'utf8')
    .digest('base64url')}`;
