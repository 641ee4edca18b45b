import { emailMessage, type MessageLead } from '../messages/email-message.ts';
import { smsMessage } from '../messages/sms-message.ts';
import type { OutgoingMessage } from '../ports/notifier.ts';
import type { DeliveryKind } from './delivery-records.ts';
import type { Delivery } from './group-deliveries.ts';

/** How digests and repeats say what they are; alerts and tests need no lead. */
const leads: Partial<Record<DeliveryKind, MessageLead>> = {
  digest: {
    subject: 'Digest: ',
    intro: 'Your daily sanctions-watch digest: everything your watches matched since the last one.',
  },
  repeat: {
    subject: 'Reminder: ',
    intro: 'A reminder: these states have still not reported. You asked to be told again until they do.',
  },
};

/**
 * What a function renders messages with. A sender carries only its own channel's renderer, so the
 * SMS sender holds no email text and the email sender no SMS encoding (docs/cold-start.md).
 */
export interface MessageRenderers {
  readonly email?: typeof emailMessage;
  readonly sms?: typeof smsMessage;
}

/** Both channels' renderers: for whatever renders either (a preview, the local runtime, tests). */
export const bothChannels: MessageRenderers = { email: emailMessage, sms: smsMessage };

/** A job on the wrong channel's queue: the message cannot be rendered here, and nothing is sent. */
const missingRenderer = (channel: keyof MessageRenderers) => new Error(`This function renders no ${channel} messages`);

/**
 * A delivery as the notifier sends it: the email or the SMS text for its channel, rendered by
 * `renderers`. With `unsubscribeUrlOf` (see unsubscribeUrl), an email carries its contact's
 * one-click unsubscribe link, in its footer and for the provider's `List-Unsubscribe` header. With
 * `subscriberManageUrl` (an address that signed itself up: manage-link.ts), the email's manage
 * link is that signed link, and the text ends with it.
 */
export const renderedMessage =
  (renderers: MessageRenderers) =>
  (
    delivery: Delivery,
    manageUrl: string,
    kind: DeliveryKind = 'alert',
    unsubscribeUrlOf?: (contact: string) => string,
    subscriberManageUrl?: string,
  ): OutgoingMessage => {
    const base = {
      contact: delivery.contact,
      channel: delivery.channel,
      to: delivery.to,
      eventIds: delivery.events.map(({ event }) => event.id),
      dedupKey: delivery.dedupKey,
      kind,
    };
    const { email: renderEmail, sms: renderSms } = renderers;
    if (delivery.channel === 'sms') {
      if (renderSms === undefined) throw missingRenderer('sms');
      return { ...base, sms: renderSms(delivery, subscriberManageUrl) };
    }
    if (renderEmail === undefined) throw missingRenderer('email');
    const unsubscribeUrl = unsubscribeUrlOf?.(delivery.contact);
    const email = renderEmail(delivery, {
      manageUrl: subscriberManageUrl ?? manageUrl,
      ...(leads[kind] ? { lead: leads[kind] } : {}),
      ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
    });
    return { ...base, email, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) };
  };

/** A delivery as the notifier sends it, on either channel (renderedMessage). */
export const outgoingMessage = /* @__PURE__ */ renderedMessage(bothChannels);

/** What the delivery log shows of a message: the subject, or the whole text. */
export const messageSummary = (message: OutgoingMessage): string => message.email?.subject ?? message.sms ?? '';
