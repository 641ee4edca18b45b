import { conflict, DomainError, unavailable } from '../errors.ts';
import { hashSecret } from '../identity/secret-hash.ts';
import { confirmationEmail, verificationCodeSms } from '../messages/verification-message.ts';
import type { Clock } from '../ports/clock.ts';
import type { ChannelSenders } from '../ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../ports/notifier.ts';
import type { ConsentStore, ContactStore, DailyCaps, DailySendCounter } from '../ports/stores.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { contactOf, destinationOf, type WatchChannel } from '../watches/watch.ts';
import type { ConfirmationLink } from './confirmation-link.ts';
import type { Consent } from './consent.ts';
import {
  type Contact,
  EMAIL_CONFIRMATION_DAYS,
  isConfirmationExpired,
  SMS_CODE_ATTEMPTS,
  SMS_CODE_MINUTES,
} from './contact.ts';
import { type Access, accessOf } from './contact-watches.ts';

export interface ConfirmationDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly senders: ChannelSenders;
  readonly sendCounter: DailySendCounter;
  readonly dailyCaps: DailyCaps;
  /** Six random digits. */
  readonly newCode: () => string;
  /** The signed link that confirms an owner's request for an email address (confirmation-link.ts). */
  readonly confirmationUrl: (link: ConfirmationLink) => Promise<string>;
}

/** Where an owner stands with an address after asking for it. */
export interface ConsentRequest {
  readonly access: Access;
  /** The owner's consent, when one is pending or given. */
  readonly consent?: Consent;
}

/** Salted with the contact, so equal codes for two numbers do not share a hash. */
export const hashCode = (contact: string, code: string): string => hashSecret(contact, code);

const minutes = (count: number): number => count * 60_000;

/** A provider failure, as the caller of the API should hear it. */
const asDomainError = (error: unknown, what: string): unknown =>
  error instanceof NotifierError && error.retryable
    ? unavailable('notifier-unavailable', `Could not ${what} just now; try again in a minute`)
    : error;

/**
 * Confirmation requests are messages too: they count against the address's daily cap, so nobody
 * can flood a stranger's mailbox or phone by creating watches or asking again and again.
 */
const takeFromCap = async (
  id: string,
  kind: 'email' | 'sms',
  to: string,
  deps: ConfirmationDependencies,
): Promise<IsoDate> => {
  const day = utcDateOf(deps.clock.now());
  const cap = deps.dailyCaps[kind];
  if (!(await deps.sendCounter.take(id, day, cap))) {
    throw conflict(
      'daily-cap-reached',
      `${to} was sent ${cap} ${kind === 'sms' ? 'texts' : 'emails'} today, the most an address gets in a day; ask again tomorrow`,
      `channel.${kind}`,
    );
  }
  return day;
};

/** Sends the request; `opted-out` when the number said STOP, so nothing was sent. */
const sendRequest = async (message: OutgoingMessage, deps: ConfirmationDependencies): Promise<'sent' | 'opted-out'> => {
  const day = await takeFromCap(message.contact, message.channel, message.to, deps);
  try {
    await deps.senders[message.channel].send(message);
    return 'sent';
  } catch (error) {
    await deps.sendCounter.release(message.contact, day);
    if (error instanceof NotifierError && error.code === 'opted-out') return 'opted-out';
    throw asDomainError(error, `ask ${message.to} to confirm`);
  }
};

/** The pending consent a new request leaves, after sending its link (email) or code (SMS). */
const askAddress = async (
  owner: string,
  channel: WatchChannel,
  deps: ConfirmationDependencies,
): Promise<Consent | 'opted-out'> => {
  const id = contactOf({ channel });
  const { channel: kind, to } = destinationOf(channel);
  const now = deps.clock.now();
  const base = { contact: id, channel: kind, to, eventIds: [], kind: 'confirmation' as const };
  const dedupKey = `confirmation:${id}:${owner}:${now.toISOString()}`;
  if (kind === 'email') {
    const confirmBy = new Date(now.getTime() + EMAIL_CONFIRMATION_DAYS * 24 * minutes(60)).toISOString();
    const link = await deps.confirmationUrl({ contact: id, owner, confirmBy });
    await sendRequest({ ...base, dedupKey, email: confirmationEmail(link, EMAIL_CONFIRMATION_DAYS) }, deps);
    return {
      contact: id,
      owner,
      state: 'pending',
      requestedAt: now.toISOString(),
      confirmBy,
      updatedAt: now.toISOString(),
    };
  }
  const code = deps.newCode();
  const sent = await sendRequest({ ...base, dedupKey, sms: verificationCodeSms(code, SMS_CODE_MINUTES) }, deps);
  if (sent === 'opted-out') return 'opted-out';
  return {
    contact: id,
    owner,
    state: 'pending',
    requestedAt: now.toISOString(),
    confirmBy: new Date(now.getTime() + minutes(SMS_CODE_MINUTES)).toISOString(),
    verification: { codeHash: hashCode(id, code), attemptsLeft: SMS_CODE_ATTEMPTS },
    updatedAt: now.toISOString(),
  };
};

/** Writes `next` over `previous`; a concurrent request for the same key got there first, and its write stands. */
const putOnce = async <T>(put: () => Promise<void>, reread: () => Promise<T | undefined>, next: T): Promise<T> => {
  try {
    await put();
    return next;
  } catch (error) {
    const current = error instanceof DomainError && error.kind === 'conflict' ? await reread() : undefined;
    if (current === undefined) throw error;
    return current;
  }
};

/**
 * Makes sure the owner's request for the address is confirmed, or asked for: a link is mailed, a
 * code is texted. The owner's own consent is what counts: another owner's confirmation of the
 * same address neither activates this owner's watches nor shows in the answer, which is the same
 * for an address the service never saw. A pending request whose link or code still works is left
 * as it is, unless `again` asks for a new one.
 */
export const requestConsent = async (
  owner: string,
  channel: WatchChannel,
  deps: ConfirmationDependencies,
  options: { readonly again?: boolean } = {},
): Promise<ConsentRequest> => {
  const id = contactOf({ channel });
  const now = deps.clock.now();
  const [contact, consent] = await Promise.all([deps.contacts.get(id), deps.consents.get({ contact: id, owner })]);
  const access = accessOf(contact, consent);
  if (access === 'confirmed') return { access, ...(consent ? { consent } : {}) };
  if (consent?.state === 'pending' && !options.again && !isConfirmationExpired(consent, now))
    return { access, consent };
  const asked = await askAddress(owner, channel, deps);
  const { channel: kind, to } = destinationOf(channel);
  const stamp = { id, channel: kind, to, requestedAt: now.toISOString(), updatedAt: now.toISOString() };
  if (asked === 'opted-out') {
    const stopped: Contact = { ...(contact ?? stamp), state: 'opted-out', updatedAt: now.toISOString() };
    await putOnce(
      () => deps.contacts.put(stopped, contact),
      () => deps.contacts.get(id),
      stopped,
    );
    return { access: 'opted-out' };
  }
  // An address that left is asked anew: it stays out of every watch until it confirms again.
  if (contact?.state !== 'confirmed') {
    const waiting: Contact = {
      ...(contact ?? stamp),
      state: 'pending',
      requestedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await putOnce(
      () => deps.contacts.put(waiting, contact),
      () => deps.contacts.get(id),
      waiting,
    );
  }
  const stored = await putOnce(
    () => deps.consents.put(asked, consent),
    () => deps.consents.get({ contact: id, owner }),
    asked,
  );
  return { access: 'pending', consent: stored };
};
