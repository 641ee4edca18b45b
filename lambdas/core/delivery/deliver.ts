import { type BudgetDependencies, drawAccountText } from '../budgets/send-budgets.ts';
import type { Contact } from '../contacts/contact.ts';
import { contactKeyOf } from '../contacts/contact-key.ts';
import { stopContact } from '../contacts/stop-contact.ts';
import { withoutAddress } from '../contacts/without-address.ts';
import type { Clock } from '../ports/clock.ts';
import type { ChannelSenders } from '../ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../ports/notifier.ts';
import type {
  ConsentStore,
  ContactStore,
  DailyCaps,
  DailySendCounter,
  DeliveryFailureSink,
  DeliveryLog,
  WatchStore,
} from '../ports/stores.ts';
import { utcDateOf } from '../time/calendar-date.ts';
import type { DeliveryKind, DeliveryLogEntry, DeliveryStatus } from './delivery-records.ts';
import { messageSummary } from './outgoing-message.ts';
import { type RetryPolicy, withRetry } from './retry.ts';

export interface DeliveryDependencies extends BudgetDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly watches: WatchStore;
  readonly deliveryLog: DeliveryLog;
  readonly sendCounter: DailySendCounter;
  readonly dailyCaps: DailyCaps;
  readonly senders: ChannelSenders;
  readonly failures: DeliveryFailureSink;
  /** Where a subscriber changes or stops a watch; the messages end with it. */
  readonly manageUrl: string;
  /** An email contact's signed one-click unsubscribe link (see unsubscribe-link.ts). */
  readonly unsubscribeUrl: (contact: string) => Promise<string>;
  /** The signed manage link of an address that signed itself up (manage-link.ts). */
  readonly subscriberManageUrl: (contact: string) => Promise<string>;
  readonly retry: RetryPolicy;
}

/**
 * `duplicate`: every event was delivered to the contact before (a redelivered batch).
 * `retry-later`: the notifier stayed busy, or the address's cap or the deployment's texts of the
 * day are spent; nothing was recorded, so the caller's retry sends it.
 */
export interface DeliveryOutcome {
  readonly contact: string;
  readonly status: DeliveryStatus | 'duplicate' | 'retry-later';
  readonly eventIds: readonly string[];
  readonly messageId?: string;
}

interface MessageContext {
  readonly kind: DeliveryKind;
  readonly watchIds: readonly string[];
}

/**
 * Sends one message to one contact and records it, exactly once per (contact, event) as far as
 * one process can tell: the record is written right after the notifier accepts the message, so
 * only a crash between the two (a few milliseconds) can send a message again. An address that
 * can no longer receive is detected and its watches stopped instead of sending into nothing; a
 * contact over its daily cap gets nothing more that day, its message waits; a refusal that retrying cannot cure is
 * parked for an operator with its context. `read` is the contact when the caller read it already.
 */
export const deliverMessage = async (
  message: OutgoingMessage,
  context: MessageContext,
  deps: DeliveryDependencies,
  read?: { readonly contact: Contact | undefined },
): Promise<DeliveryOutcome> => {
  const now = deps.clock.now();
  const record = async (
    status: DeliveryStatus,
    extra: Partial<Pick<DeliveryLogEntry, 'messageId' | 'reason'>> = {},
  ): Promise<DeliveryOutcome> => {
    const { contact, channel, eventIds } = message;
    await deps.deliveryLog.record({
      at: now.toISOString(),
      contact,
      channel,
      kind: context.kind,
      status,
      watchIds: context.watchIds,
      eventIds,
      summary: messageSummary(message),
      ...extra,
    });
    return { contact, status, eventIds, ...(extra.messageId === undefined ? {} : { messageId: extra.messageId }) };
  };

  const contact = read ? read.contact : await deps.contacts.get(message.contact);
  if (contact?.state !== 'confirmed')
    return record('skipped', { reason: `the address is ${contact?.state ?? 'unknown'}, not confirmed` });
  const day = utcDateOf(now);
  // A test draws on its own budgets, the deployment's texts among them (send-test-message.ts), so
  // tests cannot use up the alerts' cap. A digest or repeat text waits, unrecorded, once the day's texts are spent.
  const countsAgainstCap = context.kind !== 'test';
  const refundText =
    contact.channel === 'sms' && countsAgainstCap ? await drawAccountText(now, deps) : async () => undefined;
  const later: DeliveryOutcome = { contact: contact.id, status: 'retry-later', eventIds: message.eventIds };
  if (refundText === undefined) return later;
  if (countsAgainstCap && !(await deps.sendCounter.take(contact.id, day, deps.dailyCaps[contact.channel]))) {
    await refundText();
    return later;
  }
  try {
    const { messageId } = await withRetry(() => deps.senders[contact.channel].send(message), deps.retry);
    return await record('sent', { messageId });
  } catch (error) {
    if (!(error instanceof NotifierError)) throw error;
    if (countsAgainstCap) await deps.sendCounter.release(contact.id, day);
    await refundText();
    if (error.retryable) return later;
    if (error.code === 'opted-out' || error.code === 'not-found') {
      await stopContact(contact.id, error.code === 'opted-out' ? 'opted-out' : 'gone', deps);
      return record('skipped', { reason: error.message });
    }
    const { channel, eventIds } = message;
    await deps.failures.park({
      at: now.toISOString(),
      contactKey: contactKeyOf(contact.id),
      channel,
      kind: context.kind,
      watchIds: context.watchIds,
      eventIds,
      code: error.code,
      message: withoutAddress(error.message, contact.to),
    });
    return record('failed', { reason: error.message });
  }
};
