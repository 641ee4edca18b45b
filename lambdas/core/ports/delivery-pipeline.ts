import type { AlertEvent } from '../alerts/alert-event.ts';
import type { Contact } from '../contacts/contact.ts';
import type { DeliveryJob, ShardJob } from '../delivery/delivery-job.ts';
import type { DeliveryLogEntry } from '../delivery/delivery-records.ts';

/** A part of a wave: the events one planning of it covers. Later arrivals make the next part. */
export interface WavePart {
  readonly index: number;
  readonly eventIds: readonly string[];
}

/**
 * - `claimed`: this planner plans the part now (a new one, or one whose planner's lease lapsed).
 * - `busy`: another planner holds the wave's open part; try again after its lease.
 * - `done`: every event given was planned before.
 */
export type WaveClaim =
  | { readonly status: 'claimed'; readonly part: WavePart }
  | { readonly status: 'busy' }
  | { readonly status: 'done' };

/** What was planned of each wave: the gate that makes a wave planned once, whoever announces it. */
export interface WavePlans {
  /**
   * Takes the wave's open part if its planner's lease lapsed, or else opens a new part for the
   * events among `eventIds` not planned yet, leased to the caller until `leaseUntil`.
   */
  claim(waveId: string, eventIds: readonly string[], now: Date, leaseUntil: Date): Promise<WaveClaim>;
  /** Marks the part planned: its events will not be planned again. */
  complete(waveId: string, part: WavePart): Promise<void>;
}

/** Hands new waves to the planner, after the grouping window. */
export interface WaveAnnouncer {
  announce(waveIds: readonly string[]): Promise<void>;
}

/** Where planned work goes: shard jobs to the shard workers, delivery jobs to their channel's sender. */
export interface DeliveryJobQueue {
  enqueueShards(jobs: readonly ShardJob[]): Promise<void>;
  enqueueDeliveries(jobs: readonly DeliveryJob[]): Promise<void>;
}

/**
 * - `claimed`: the caller holds the message's lease and may send it: it is new, its last lease
 *   ran out, or it was settled `failed` (refused for good, parked, and now replayed).
 * - `held`: another sender holds an unexpired lease on it.
 * - `done`: it was sent, capped or skipped before.
 */
export type MessageClaim = 'claimed' | 'held' | 'done';

/**
 * One record per message (contact and wave part): the claim a sender takes before sending and
 * the outcome it leaves, so two receivers of one job cannot both send.
 */
export interface MessageRecords {
  claim(
    job: Pick<DeliveryJob, 'dedupKey' | 'contactKey' | 'waveId'>,
    now: Date,
    leaseUntil: Date,
  ): Promise<MessageClaim>;
  /** Gives a claim back before its lease ends, so a retry need not wait for it. */
  release(job: Pick<DeliveryJob, 'dedupKey' | 'contactKey'>): Promise<void>;
  /** Settles the claim with the outcome and logs it under each of its watches, in one request. */
  settle(job: Pick<DeliveryJob, 'dedupKey' | 'contactKey'>, entry: DeliveryLogEntry): Promise<void>;
}

/** What a sender reads before sending a job: its contact, as of now, and its events (those since deleted left out). */
export interface SendJobReads {
  /** In one request where the store can (a contact and up to 99 events in one batch read). */
  contactAndEvents(
    contactKey: string,
    eventIds: readonly string[],
  ): Promise<{ readonly contact?: Contact; readonly events: readonly AlertEvent[] }>;
}

/**
 * When a message handed back to its queue comes again: the queue's visibility timeout for it,
 * changed through the receipt handle its consumer was given (ChangeMessageVisibility in SQS).
 */
export interface MessageVisibility {
  /** The message becomes visible again `seconds` from now (0: at once). */
  returnAfter(receiptHandle: string, seconds: number): Promise<void>;
}
