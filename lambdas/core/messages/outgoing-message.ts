import type { OutgoingMessage } from '../delivery/notifier.ts';
import type { Delivery } from '../watches/group-deliveries.ts';
import { emailMessage } from './email-message.ts';
import { smsMessage } from './sms-message.ts';

/** A delivery as the notifier sends it: the email or the SMS text for its channel. */
export const outgoingMessage = (delivery: Delivery, manageUrl: string): OutgoingMessage => {
  const base = {
    contact: delivery.contact,
    channel: delivery.channel,
    to: delivery.to,
    eventIds: delivery.events.map(({ event }) => event.id),
    dedupKey: delivery.dedupKey,
  };
  return delivery.channel === 'email' ? { ...base, email: emailMessage(delivery, { manageUrl }) } : { ...base, sms: smsMessage(delivery) };
};

/** What the delivery log shows of a message: the subject, or the whole text. */
export const messageSummary = (message: OutgoingMessage): string => message.email?.subject ?? message.sms ?? '';
