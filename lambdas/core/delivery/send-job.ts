import type { AlertEvent } from '../alerts/alert-event.ts';
import { typedAlertEvent } from '../alerts/alert-event-data.ts';
import { type BudgetDependencies, drawAccountText } from '../budgets/send-budgets.ts';
import { stopContact } from '../contacts/stop-contact.ts';
import type { Clock } from '../ports/clock.ts';
import type { MessageRecords, SendJobReads } from '../ports/delivery-pipeline.ts';
import type { MessageSender } from '../ports/message-sender.ts';
import { NotifierError } from '../ports/notifier.ts';
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
import type { Delivery } from './group-deliveries.ts';
import { messageSummary, outgoingMessage } from './outgoing-message.ts';
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
}

/** A sender function's: what sending a job needs, and how a throttled job is delayed on its queue before it goes back. */
export interface SenderDependencies extends SendJobDependencies {
  readonly backoff: ThrottleBackoff;
}

/**
 * - `duplicate`: the job was settled before (a redelivered or twice-planned job); nothing sent.
 * - `retry-later`: another sender holds the job; the queue brings it back once that sender's lease has run out.
 * - `throttled`: the provider is busy; the job goes back to the queue, to come again after a backoff.
 * - `deferred`: the deployment's texts of the day are spent; the job goes back, to come again the next day.
 */
export interface SendJobOutcome {
  readonly status: DeliveryStatus | 'duplicate' | 'retry-later' | 'throttled' | 'deferred';
  readonly messageId?: string;
}

/** The job's events as a delivery to the contact's address, in the planner's order; events since deleted are left out. */
const deliveryOf = (job: DeliveryJob, to: string, events: readonly AlertEvent[]): Delivery => {
  const stored = new Map(events.map((event) => [event.id, event]));
  return {
    contact: job.contact,
    channel: job.channel,
    to,
    watchIds: job.watchIds,
    events: job.events.flatMap(({ id, states }) => {
      const event = stored.get(id);
      return event ? [{ event: typedAlertEvent(event), states }] : [];
    }),
    dedupKey: job.dedupKey,
  };
};

/**
 * Sends one job's message at most once: takes the job's claim (a conditional write that fails
 * if it was settled, or another sender's lease has not run out; one settled `failed` may be
 * claimed again, so a parked job replayed by `redrive` is sent), sends, and settles the claim
 * with the outcome and the provider's message id in one write. Only a crash between the provider
 * accepting the message and that write, with the lease run out, can send it again.
 */
export const sendJob = async (job: DeliveryJob, deps: SendJobDependencies): Promise<SendJobOutcome> => {
  const now = deps.clock.now();
  const claim = await deps.messageRecords.claim(job, now, new Date(now.getTime() + deps.claimSeconds * 1000));
  if (claim === 'done') return { status: 'duplicate' };
  if (claim === 'held') return { status: 'retry-later' };

  const settle = async (
    status: DeliveryStatus,
    summary: string,
    extra: Partial<Pick<DeliveryLogEntry, 'messageId' | 'reason'>> = {},
  ): Promise<SendJobOutcome> => {
    await deps.messageRecords.settle(job, {
      at: now.toISOString(),
      contact: job.contact,
      channel: job.channel,
      kind: 'alert',
      status,
      watchIds: job.watchIds,
      eventIds: job.events.map(({ id }) => id),
      summary,
      ...extra,
    });
    return { status, ...(extra.messageId === undefined ? {} : { messageId: extra.messageId }) };
  };

  const { contact, events } = await deps.sendJobReads.contactAndEvents(
    job.contact,
    job.events.map(({ id }) => id),
  );
  if (contact?.state !== 'confirmed')
    return settle('skipped', '', { reason: `the address is ${contact?.state ?? 'unknown'}, not confirmed` });
  const delivery = deliveryOf(job, contact.to, events);
  if (delivery.events.length === 0) return settle('skipped', '', { reason: 'its events no longer exist' });
  const unsubscribeUrl = contact.channel === 'email' ? await deps.unsubscribeUrl(contact.id) : undefined;
  const message = outgoingMessage(
    delivery,
    deps.manageUrl,
    'alert',
    unsubscribeUrl === undefined ? undefined : () => unsubscribeUrl,
    contact.signedUp ? await deps.subscriberManageUrl(contact.id) : undefined,
  );
  const summary = messageSummary(message);
  const day = utcDateOf(now);
  // A text first draws on the deployment's texts of the day; once they are spent it waits, unsent and unsettled.
  const refundText = contact.channel === 'sms' ? await drawAccountText(now, deps) : async () => undefined;
  if (refundText === undefined) {
    await deps.messageRecords.release(job);
    return { status: 'deferred' };
  }
  const cap = deps.dailyCaps[contact.channel];
  if (!(await deps.sendCounter.take(contact.id, day, cap))) {
    await refundText();
    return settle('capped', summary, { reason: `the daily cap of ${cap} ${contact.channel} messages was reached` });
  }
  try {
    const { messageId } = await deps.sender.send(message);
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
      contact: contact.id,
      channel: contact.channel,
      kind: 'alert',
      watchIds: job.watchIds,
      eventIds: job.events.map(({ id }) => id),
      code: error.code,
      message: error.message,
      job,
    });
    return settle('failed', summary, { reason: error.message });
  }
};
