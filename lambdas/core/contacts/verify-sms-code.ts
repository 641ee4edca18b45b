import { conflict, invalidInput } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import { sameHash } from '../identity/secret-hash.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContactStore, WatchStore } from '../ports/stores.ts';
import { findWatch } from '../watches/find-watch.ts';
import { contactOf, type Watch } from '../watches/watch.ts';
import { type Contact, isConfirmationExpired } from './contact.ts';
import { settleWatch } from './contact-watches.ts';
import { hashCode } from './request-confirmation.ts';

export interface VerificationDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly watches: WatchStore;
}

const ASK_AGAIN = 'ask for a new one with POST /watches/{id}/confirmation';

/**
 * `POST /watches/{id}/verify`: the number's owner returns the code texted to it. The right code
 * confirms the number for every watch on it; a wrong one costs an attempt; an expired or spent
 * code must be asked for again.
 */
export const verifySmsCode = async (
  caller: Caller,
  watchId: string,
  code: string,
  deps: VerificationDependencies,
): Promise<Watch> => {
  const watch = await findWatch(caller, watchId, deps.watches);
  if (!('sms' in watch.channel)) {
    throw conflict(
      'not-an-sms-watch',
      'Only SMS watches are verified by code; an email address is confirmed through the link mailed to it',
      'id',
    );
  }
  const contact = await deps.contacts.get(contactOf(watch));
  const now = deps.clock.now();
  if (contact?.state === 'confirmed') return await settleWatch(watch, contact, deps.watches, now);
  if (contact?.state !== 'pending' || contact.verification === undefined)
    throw conflict('no-code-pending', `No code is waiting for this number; ${ASK_AGAIN}`, 'code');
  if (isConfirmationExpired(contact, now)) throw conflict('code-expired', `The code has expired; ${ASK_AGAIN}`, 'code');
  const { attemptsLeft, codeHash } = contact.verification;
  if (attemptsLeft <= 0) throw conflict('too-many-attempts', `Too many wrong codes; ${ASK_AGAIN}`, 'code');
  if (!sameHash(hashCode(contact.id, code), codeHash)) {
    const left = attemptsLeft - 1;
    await deps.contacts.put(
      { ...contact, verification: { codeHash, attemptsLeft: left }, updatedAt: now.toISOString() },
      contact,
    );
    throw invalidInput(
      'code',
      left > 0
        ? `Wrong code; ${left} ${left === 1 ? 'attempt' : 'attempts'} left`
        : `Wrong code, and no attempts left; ${ASK_AGAIN}`,
    );
  }
  // The code is spent and the deadline met: neither is kept.
  const confirmed: Contact = {
    id: contact.id,
    channel: 'sms',
    to: contact.to,
    state: 'confirmed',
    requestedAt: contact.requestedAt,
    updatedAt: now.toISOString(),
  };
  await deps.contacts.put(confirmed, contact);
  return await settleWatch(watch, confirmed, deps.watches, now);
};
