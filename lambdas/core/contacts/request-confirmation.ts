import { conflict, DomainError, unavailable } from '../errors.ts';
import { hashSecret } from '../identity/secret-hash.ts';
import { verificationCodeSms } from '../messages/verification-message.ts';
import type { Clock } from '../ports/clock.ts';
import { type Notifier, NotifierError } from '../ports/notifier.ts';
import type { ContactStore, DailyCaps, DailySendCounter } from '../ports/stores.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import { contactOf, destinationOf, type WatchChannel } from '../watches/watch.ts';
import {
  type Contact,
  EMAIL_CONFIRMATION_DAYS,
  isConfirmationExpired,
  SMS_CODE_ATTEMPTS,
  SMS_CODE_MINUTES,
} from './contact.ts';

export interface ConfirmationDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly notifier: Notifier;
  readonly sendCounter: DailySendCounter;
  readonly dailyCaps: DailyCaps;
  /** Six random digits. */
  readonly newCode: () => string;
}

/** Salted with the contact, so equal codes for two numbers do not share a hash. */
export const hashCode = (contact: string, code: string): string => hashSecret(contact, code);

const minutes = (count: number): number => count * 60_000;

/** A notifier failure, as the caller of the API should hear it. */
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

const subscribeEmail = async (to: string, id: string, deps: ConfirmationDependencies): Promise<Contact> => {
  const now = deps.clock.now();
  const day = await takeFromCap(id, 'email', to, deps);
  try {
    const address = await deps.notifier.subscribeEmail(to);
    // An address confirmed earlier (say, before it was removed here) needs no new confirmation.
    const confirmed = (await deps.notifier.subscriptionState(address)) === 'confirmed';
    return {
      id,
      channel: 'email',
      to,
      state: confirmed ? 'confirmed' : 'pending',
      address,
      requestedAt: now.toISOString(),
      ...(confirmed
        ? {}
        : { confirmBy: new Date(now.getTime() + EMAIL_CONFIRMATION_DAYS * 24 * 60 * minutes(1)).toISOString() }),
      updatedAt: now.toISOString(),
    };
  } catch (error) {
    await deps.sendCounter.release(id, day);
    throw asDomainError(error, `ask ${to} to confirm`);
  }
};

const optedOut = async (to: string, notifier: Notifier): Promise<boolean> => {
  try {
    return await notifier.isPhoneOptedOut(to);
  } catch (error) {
    throw asDomainError(error, `check whether ${to} takes texts`);
  }
};

const textCode = async (to: string, id: string, deps: ConfirmationDependencies): Promise<Contact> => {
  const now = deps.clock.now();
  const stamp = { id, channel: 'sms' as const, to, requestedAt: now.toISOString(), updatedAt: now.toISOString() };
  if (await optedOut(to, deps.notifier)) return { ...stamp, state: 'opted-out' };
  const day = await takeFromCap(id, 'sms', to, deps);
  const code = deps.newCode();
  try {
    await deps.notifier.send(
      {
        contact: id,
        channel: 'sms',
        to,
        sms: verificationCodeSms(code, SMS_CODE_MINUTES),
        eventIds: [],
        dedupKey: `verification:${id}:${now.toISOString()}`,
      },
      {},
    );
  } catch (error) {
    await deps.sendCounter.release(id, day);
    if (error instanceof NotifierError && error.code === 'opted-out') return { ...stamp, state: 'opted-out' };
    throw asDomainError(error, `text a code to ${to}`);
  }
  return {
    ...stamp,
    state: 'pending',
    verification: { codeHash: hashCode(id, code), attemptsLeft: SMS_CODE_ATTEMPTS },
    confirmBy: new Date(now.getTime() + minutes(SMS_CODE_MINUTES)).toISOString(),
  };
};

/**
 * Makes sure the address behind a watch can be confirmed: an email address is subscribed (SNS
 * mails the confirmation link), a phone number is texted a code. A confirmed address is left as
 * it is, and so is a pending one whose link or code still works, unless `again` asks for a new one.
 */
export const requestConfirmation = async (
  channel: WatchChannel,
  deps: ConfirmationDependencies,
  options: { readonly again?: boolean } = {},
): Promise<Contact> => {
  const id = contactOf({ channel });
  const { channel: kind, to } = destinationOf(channel);
  const previous = await deps.contacts.get(id);
  if (previous?.state === 'confirmed') return previous;
  if (previous?.state === 'pending' && !options.again && !isConfirmationExpired(previous, deps.clock.now()))
    return previous;
  const next = kind === 'email' ? await subscribeEmail(to, id, deps) : await textCode(to, id, deps);
  try {
    await deps.contacts.put(next, previous);
    return next;
  } catch (error) {
    // Another request for the same address got there first (two watches created at once): its request stands.
    const current = error instanceof DomainError && error.kind === 'conflict' ? await deps.contacts.get(id) : undefined;
    if (current === undefined) throw error;
    return current;
  }
};
