import { createHash } from 'node:crypto';
import type { ChannelKind } from '../watches/watch.ts';

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
}

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
  /** The claim a sender takes before sending: one per (contact, wave part). */
  readonly dedupKey: string;
}

/** Same wave part, same contact, same key, however often the part is planned; no address in it. */
export const deliveryJobKey = (waveId: string, part: number, contact: string): string =>
  `msg:${createHash('sha256')
    .update([waveId, String(part), contact].join('\n'), 'utf8')
    .digest('base64url')}`;
