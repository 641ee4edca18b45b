import { ACCOUNT_TEXT, type BudgetDependencies, type BudgetDraw, drawBudgets } from '../budgets/send-budgets.ts';
import { DomainError, overBudget, unavailable } from '../errors.ts';
import { confirmationEmail, verificationCodeSms } from '../messages/verification-message.ts';
import type { Clock } from '../ports/clock.ts';
import type { ChannelSenders } from '../ports/message-sender.ts';
import { NotifierError, type OutgoingMessage } from '../ports/notifier.ts';
import type { ServiceMetrics } from '../ports/service-metrics.ts';
import type { ConsentStore, ContactStore } from '../ports/stores.ts';
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
import { smsCodeHash } from './sms-code-hash.ts';

export interface ConfirmationDependencies extends BudgetDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly senders: ChannelSenders;
  /** Six random digits. */
  readonly newCode: () => string;
  /** The secret links and SMS code hashes are keyed with: read once per process, where it is kept. */
  readonly linkSecret: () => Promise<string>;
  /** The signed link that confirms an owner's request for an email address (confirmation-link.ts). */
  readonly confirmationUrl: (link: ConfirmationLink) => Promise<string>;
  /** Counts the links and codes sent. */
  readonly serviceMetrics: ServiceMetrics;
}

/** Where an owner stands with an address after asking for it. */
export interface ConsentRequest {
  readonly access: Access;
  /** The owner's consent, when one is pending or given. */
  readonly consent?: Consent;
}

const minutes = (count: number): number => count * 60_000;

/** A provider failure, as the caller of the API should hear it. */
const asDomainError = (error: unknown, what: string): unknown =>
  error instanceof NotifierError && error.retryable
    ? unavailable('notifier-unavailable', `Could not ${what} just now; try again in a minute`)
    : error;

/**
 * What a request for consent draws on: an email address's confirmations, or a number's codes and
 * the asking owner's texts. None draws on the address's alert cap: asking cannot crowd out alerts.
 */
const requestDraws = (consent: Consent, channel: 'email' | 'sms'): BudgetDraw[] =>
  channel === 'email'
    ? [{ budget: 'confirmationsPerAddress', holder: { contact: consent.contact } }]
    : [
        { budget: 'codesPerNumber', holder: { contact: consent.contact } },
        { budget: 'textsPerOwner', holder: { owner: consent.owner } },
        ACCOUNT_TEXT,
      ];

/** Sends the request within its budgets; `opted-out` when the number said STOP, so nothing was sent. */
const sendRequest = async (
  message: OutgoingMessage,
  consent: Consent,
  deps: ConfirmationDependencies,
): Promise<'sent' | 'opted-out'> => {
  const refund = await drawBudgets(requestDraws(consent, message.channel), deps.clock.now(), deps);
  try {
    await deps.senders[message.channel].send(message);
    deps.serviceMetrics.record('confirmationsSent', message.channel);
    return 'sent';
  } catch (error) {
    await refund();
    if (error instanceof NotifierError && error.code === 'opted-out') return 'opted-out';
    throw asDomainError(error, `ask ${message.to} to confirm`);
  }
};

/** The least time between two requests of one owner for one address: a stuck button or a script cannot fire a burst. */
export const REQUEST_BACKOFF_SECONDS = 60;

/** Refuses a new request sooner than the backoff after the owner's last one for the address. */
const checkBackoff = (previous: Consent | undefined, now: Date): void => {
  if (previous?.state !== 'pending') return;
  const waited = (now.getTime() - Date.parse(previous.requestedAt)) / 1000;
  if (waited >= REQUEST_BACKOFF_SECONDS) return;
  throw overBudget(
    { budget: 'requestBackoff', retryAfterSeconds: Math.ceil(REQUEST_BACKOFF_SECONDS - waited) },
    `A link or code went to this address at your request ${Math.floor(waited)} s ago; ask again after ${REQUEST_BACKOFF_SECONDS} s. Nothing was sent`,
  );
};

/** A new request's pending consent: an email link works for days, an SMS code for minutes. */
const pendingConsent = (contact: string, owner: string, now: Date, codeHash?: string): Consent => ({
  contact,
  owner,
  state: 'pending',
  requestedAt: now.toISOString(),
  confirmBy: new Date(
    now.getTime() + (codeHash === undefined ? EMAIL_CONFIRMATION_DAYS * 24 * minutes(60) : minutes(SMS_CODE_MINUTES)),
  ).toISOString(),
  ...(codeHash === undefined ? {} : { verification: { codeHash, attemptsLeft: SMS_CODE_ATTEMPTS } }),
  updatedAt: now.toISOString(),
});

/** The message that asks the address for the consent: its link (email) or its code (SMS). */
const requestMessage = async (
  consent: Consent,
  destination: { readonly channel: 'email' | 'sms'; readonly to: string },
  code: string | undefined,
  deps: ConfirmationDependencies,
): Promise<OutgoingMessage> => {
  const base = {
    contact: consent.contact,
    ...destination,
    eventIds: [],
    dedupKey: `confirmation:${consent.contact}:${consent.owner}:${consent.requestedAt}`,
    kind: 'confirmation' as const,
  };
  if (code !== undefined) return { ...base, sms: verificationCodeSms(code, SMS_CODE_MINUTES) };
  const link = await deps.confirmationUrl({
    contact: consent.contact,
    owner: consent.owner,
    confirmBy: consent.confirmBy ?? consent.requestedAt,
  });
  return { ...base, email: confirmationEmail(link, EMAIL_CONFIRMATION_DAYS) };
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
 * as it is, unless `again` asks for a new one. The pending consent is written before the message
 * goes: of requests made at once, one sends, and its link or code is the one that works.
 * `reachSuppressed` is the public sign-up's: see subscriptions/sign-up.ts.
 */
export const requestConsent = async (
  owner: string,
  channel: WatchChannel,
  deps: ConfirmationDependencies,
  options: { readonly again?: boolean; readonly reachSuppressed?: boolean } = {},
): Promise<ConsentRequest> => {
  const id = contactOf({ channel });
  const key = { contact: id, owner };
  const now = deps.clock.now();
  const [contact, consent, suppressed] = await Promise.all([
    deps.contacts.get(id),
    deps.consents.get(key),
    deps.contacts.isSuppressed(id),
  ]);
  // The address asked to be erased: no owner's request reaches it, and the answer is any pending one's.
  // Only its own sign-up on the public form may ask it again (once a day at most), and only its yes lifts the marker.
  if (suppressed && !options.reachSuppressed) return { access: 'pending' };
  const access = accessOf(contact, consent);
  if (access === 'confirmed') return { access, ...(consent ? { consent } : {}) };
  if (consent?.state === 'pending' && !options.again && !isConfirmationExpired(consent, now))
    return { access, consent };

  checkBackoff(consent, now);
  const destination = destinationOf(channel);
  // An address that left is asked anew: it stays out of every watch until it confirms again.
  let current = contact;
  if (contact?.state !== 'confirmed') {
    const stamp = { id, ...destination, requestedAt: now.toISOString(), updatedAt: now.toISOString() };
    const waiting: Contact = {
      ...(contact ?? stamp),
      state: 'pending',
      requestedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    current = await putOnce(
      () => deps.contacts.put(waiting, contact),
      () => deps.contacts.get(id),
      waiting,
    );
  }
  const code = destination.channel === 'sms' ? deps.newCode() : undefined;
  const asked = pendingConsent(
    id,
    owner,
    now,
    code === undefined ? undefined : smsCodeHash(await deps.linkSecret(), id, code),
  );
  const stored = await putOnce(
    () => deps.consents.put(asked, consent),
    () => deps.consents.get(key),
    asked,
  );
  if (stored !== asked) return { access: 'pending', consent: stored };

  let sent: 'sent' | 'opted-out';
  try {
    sent = await sendRequest(await requestMessage(asked, destination, code, deps), asked, deps);
  } catch (error) {
    // Nothing went out: the request is undone, so asking again is not mistaken for a pending one.
    await deps.consents.remove(asked);
    throw error;
  }
  if (sent === 'sent') return { access: 'pending', consent: asked };
  await deps.consents.remove(asked);
  if (current) {
    const stopped: Contact = { ...current, state: 'opted-out', updatedAt: now.toISOString() };
    await putOnce(
      () => deps.contacts.put(stopped, current),
      () => deps.contacts.get(id),
      stopped,
    );
  }
  return { access: 'opted-out' };
};
