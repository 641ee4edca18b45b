import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { type BudgetDependencies, drawAccountText } from '../budgets/send-budgets.ts';
import type { Contact } from '../contacts/contact.ts';
import { stopContact } from '../contacts/stop-contact.ts';
import { withoutAddress } from '../contacts/without-address.ts';
import type { Clock } from '../ports/clock.ts';
import type { MessageRecords, SendJobReads } from '../ports/delivery-pipeline.ts';
import type { MessageSender } from '../ports/message-sender.ts';
import { NotifierError } from '../ports/notifier.ts';
import type { ServiceMetrics } from '../ports/service-metrics.ts';
import type {
  ConsentStore,
  ContactStore,
  DailyCaps,
  DailySendCounter,
  DeliveryFailureSink,
  WatchStore,
} from '../ports/stores.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import type { DeliveryJob } from './delivery-job.ts';
import type { DeliveryLogEntry, DeliveryStatus } from './delivery-records.ts';
import type { DeliveredEvent, Delivery } from './group-deliveries.ts';
import { type MessageRenderers, messageSummary, renderedMessage } from './outgoing-message.ts';
import { repeatOf } from './repeat-event.ts';
import type { ThrottleBackoff } from './throttle-backoff.ts';

export interface SendJobDependencies extends BudgetDependencies {
  readonly clock: Clock;
  readonly messageRecords: MessageRecords;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly watches: WatchStore;
  /** The contact and the job's events, read together. */
  readonly sendJobReads: SendJobReads;
  readonly sendCounter: DailySendCounter;
  readonly dailyCaps: DailyCaps;
  readonly sender: MessageSender;
  readonly failures: DeliveryFailureSink;
  /** Where a subscriber changes or stops a watch; the messages end with it. */
  readonly manageUrl: string;
  /** An email contact's signed one-click unsubscribe link (see unsubscribe-link.ts). */
  readonly unsubscribeUrl: (contact: string) => Promise<string>;
  /** The signed manage link of an address that signed itself up (manage-link.ts). */
  readonly subscriberManageUrl: (contact: string) => Promise<string>;
  /** How long a claim keeps other senders off the job: its queue's visibility timeout. */
  readonly claimSeconds: number;
  /** Counts what became of each message, and how long its events took to go out. */
  readonly serviceMetrics: ServiceMetrics;
  /** Its channel's renderer (a sender's queue carries one channel's jobs). */
  readonly renderers: MessageRenderers;
}

/** A sender function's: what sending a job needs, and how a throttled job is delayed on its queue before it goes back. */
export interface SenderDependencies extends SendJobDependencies {
  readonly backoff: ThrottleBackoff;
}

/**
 * - `duplicate`: the job was settled before (a redelivered or twice-planned job); nothing sent.
 * - `retry-later`: another sender holds the job; the queue brings it back once that sender's lease has run out.
 * - `throttled`: the provider is busy; the job goes back to the queue, to come again after a backoff.
 * - `deferred`: the address's cap or the deployment's texts of the day are spent; the job goes back, to come again the next day.
 */
export interface SendJobOutcome {
  readonly status: DeliveryStatus | 'duplicate' | 'retry-later' | 'throttled' | 'deferred';
  readonly messageId?: string;
}

/**
 * The job's events as its message tells them, in the planner's order; events since deleted are
 * left out. A repeat's events are re-derived from the stored ones, as of `now`.
 */
const deliveredEvents = (job: DeliveryJob, events: readonly AlertEvent[], now: Date): DeliveredEvent[] => {
  const stored = new Map(events.map((event) => [event.id, event]));
  return job.events.flatMap(({ id, states, round }) => {
    const event = stored.get(id);
    if (event === undefined) return [];
    return [{ event: typedAlertEvent(round === undefined ? event : repeatOf(event, round, now)), states }];
  });
};

/** The job's message to the contact's address. */
const deliveryOf = (job: DeliveryJob, contact: Contact, events: readonly DeliveredEvent[]): Delivery => ({
  contact: contact.id,
  channel: job.channel,
  to: contact.to,
  watchIds: job.watchIds,
  events,
  dedupKey: job.dedupKey,
});

/** The metric each outcome counts in; the others (a duplicate, a job held or throttled) are not messages' fates yet. */
const countedAs: Partial<Record<SendJobOutcome['status'], 'messagesSent' | 'messagesDeferred' | 'messagesFailed'>> = {
  sent: 'messagesSent',
  deferred: 'messagesDeferred',
  failed: 'messagesFailed',
};

/**
 * From the first of the message's events to be stored to the provider's acceptance: how long the
 * longest-waiting event it carried took to go out. Events stored before `storedAt` was kept have none.
 */
const recordLatency = (delivery: Delivery, deps: SendJobDependencies): void => {
  const stored = delivery.events.flatMap(({ event }) =>
    event.storedAt === undefined ? [] : [Date.parse(event.storedAt)],
  );
  if (stored.length === 0) return;
  deps.serviceMetrics.record('streamToSendLatency', delivery.channel, deps.clock.now().getTime() - Math.min(...stored));
};

const claimAndSend = async (job: DeliveryJob, deps: SendJobDependencies): Promise<SendJobOutcome> => {
  const now = deps.clock.now();
  const claim = await deps.messageRecords.claim(job, now, new Date(now.getTime() + deps.claimSeconds * 1000));
  if (claim === 'done') return { status: 'duplicate' };
  if (claim === 'held') return { status: 'retry-later' };

  const kind = job.kind ?? 'alert';
  const { contact, events } = await deps.sendJobReads.contactAndEvents(
    job.contactKey,
    job.events.map(({ id }) => id),
  );
  const delivered = deliveredEvents(job, events, now);
  // What the records name: the job's events; a repeat's derived ones, each round its own.
  const eventIds = kind === 'repeat' ? delivered.map(({ event }) => event.id) : job.events.map(({ id }) => id);
  const settle = async (
    status: DeliveryStatus,
    summary: string,
    extra: Partial<Pick<DeliveryLogEntry, 'messageId' | 'reason'>> = {},
  ): Promise<SendJobOutcome> => {
    await deps.messageRecords.settle(job, {
      at: now.toISOString(),
      // A contact that is gone was erased with its watches: the record is settled, and no watch's log is left to write.
      contact: contact?.id ?? '',
      channel: job.channel,
      kind,
      status,
      watchIds: contact === undefined ? [] : job.watchIds,
      eventIds,
      summary,
      ...extra,
    });
    return { status, ...(extra.messageId === undefined ? {} : { messageId: extra.messageId }) };
  };
  if (contact?.state !== 'confirmed')
    return settle('skipped', '', { reason: `the address is ${contact?.state ?? 'unknown'}, not confirmed` });
  const delivery = deliveryOf(job, contact, delivered);
  if (delivery.events.length === 0) return settle('skipped', '', { reason: 'its events no longer exist' });
  const unsubscribeUrl = contact.channel === 'email' ? await deps.unsubscribeUrl(contact.id) : undefined;
  const message = renderedMessage(deps.renderers)(
    delivery,
    deps.manageUrl,
    kind,
    unsubscribeUrl === undefined ? undefined : () => unsubscribeUrl,
    contact.signedUp ? await deps.subscriberManageUrl(contact.id) : undefined,
  );
  const summary = messageSummary(message);
  const day = utcDateOf(now);
  // A text first draws on the deployment's texts of the day, then any message on its address's
  // cap of the day; once either is spent the message waits for the next day, unsent and unsettled.
  const deferred = async (): Promise<SendJobOutcome> => {
    await deps.messageRecords.release(job);
    return { status: 'deferred' };
  };
  const refundText = contact.channel === 'sms' ? await drawAccountText(now, deps) : async () => undefined;
  if (refundText === undefined) return deferred();
  if (!(await deps.sendCounter.take(contact.id, day, deps.dailyCaps[contact.channel]))) {
    await refundText();
    return deferred();
  }
  try {
    const { messageId } = await deps.sender.send(message);
    // A digest or a repeat waits by design: the latency measures alerts only.
    if (kind === 'alert') recordLatency(delivery, deps);
    return await settle('sent', summary, { messageId });
  } catch (error) {
    if (!(error instanceof NotifierError)) throw error;
    await deps.sendCounter.release(contact.id, day);
    await refundText();
    if (error.retryable) {
      await deps.messageRecords.release(job);
      return { status: 'throttled' };
    }
    if (error.code === 'opted-out' || error.code === 'not-found') {
      await stopContact(contact.id, error.code === 'opted-out' ? 'opted-out' : 'gone', deps);
      return settle('skipped', summary, { reason: error.message });
    }
    await deps.failures.park({
      at: now.toISOString(),
      contactKey: job.contactKey,
      channel: contact.channel,
      kind,
      watchIds: job.watchIds,
      eventIds,
      code: error.code,
      message: withoutAddress(error.message, contact.to),
      job,
    });
    return settle('failed', summary, { reason: error.message });
  }
};

/**
 * Sends one job's message at most once: takes the job's claim (a conditional write that fails
 * if it was settled, or another sender's lease has not run out; one settled `failed` may be
 * claimed again, so a parked job replayed by `redrive` is sent), sends, and settles the claim
 * with the outcome and the provider's message id in one write. Only a crash between the provider
 * accepting the message and that write, with the lease run out, can send it again.
 */
export const sendJob = async (job: DeliveryJob, deps: SendJobDependencies): Promise<SendJobOutcome> => {
  const outcome = await claimAndSend(job, deps);
  const counted = countedAs[outcome.status];
  if (counted !== undefined) deps.serviceMetrics.record(counted, job.channel);
  return outcome;
};
