import { conflict, invalidInput } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import { sameHash } from '../identity/secret-hash.ts';
import { findWatch } from '../watches/find-watch.ts';
import { contactOf, type Watch } from '../watches/watch.ts';
import { type ConsentDependencies, giveConsent } from './confirm-consent.ts';
import type { Consent } from './consent.ts';
import { isConfirmationExpired } from './contact.ts';
import { smsCodeHash } from './sms-code-hash.ts';

/** What checking a code needs: the consents and watches it settles, and the secret its hash is keyed with. */
export interface CodeCheckDependencies extends ConsentDependencies {
  readonly linkSecret: () => Promise<string>;
}

const ASK_AGAIN = 'ask for a new one with POST /watches/{id}/confirmation';

/** The pending consent, if `code` is its code; a wrong code costs an attempt. `askAgain` says where a new code is asked for. */
export const checkCode = async (
  consent: Consent | undefined,
  contact: string,
  code: string,
  deps: CodeCheckDependencies,
  askAgain = ASK_AGAIN,
): Promise<Consent> => {
  const now = deps.clock.now();
  if (consent?.state !== 'pending' || consent.verification === undefined)
    throw conflict('no-code-pending', `No code is waiting for this number; ${askAgain}`, 'code');
  if (isConfirmationExpired(consent, now)) throw conflict('code-expired', `The code has expired; ${askAgain}`, 'code');
  const { attemptsLeft, codeHash } = consent.verification;
  if (attemptsLeft <= 0) throw conflict('too-many-attempts', `Too many wrong codes; ${askAgain}`, 'code');
  if (sameHash(smsCodeHash(await deps.linkSecret(), contact, code), codeHash)) return consent;
  const left = attemptsLeft - 1;
  await deps.consents.put(
    { ...consent, verification: { codeHash, attemptsLeft: left }, updatedAt: now.toISOString() },
    consent,
  );
  throw invalidInput(
    'code',
    left > 0
      ? `Wrong code; ${left} ${left === 1 ? 'attempt' : 'attempts'} left`
      : `Wrong code, and no attempts left; ${askAgain}`,
  );
};

/**
 * `POST /watches/{id}/verify`: the number's owner returns the code texted at the watch owner's
 * request. The right code confirms that owner's consent, for every watch of theirs on the number;
 * a wrong one costs an attempt; an expired or spent code must be asked for again.
 */
export const verifySmsCode = async (
  caller: Caller,
  watchId: string,
  code: string,
  deps: CodeCheckDependencies,
): Promise<Watch> => {
  const watch = await findWatch(caller, watchId, deps.watches);
  if (!('sms' in watch.channel)) {
    throw conflict(
      'not-an-sms-watch',
      'Only SMS watches are verified by code; an email address is confirmed through the link mailed to it',
      'id',
    );
  }
  const key = { contact: contactOf(watch), owner: watch.owner };
  const consent = await deps.consents.get(key);
  // A consent given already (the code sent twice) is given again, which settles the watches the same way.
  await giveConsent(consent?.state === 'confirmed' ? consent : await checkCode(consent, key.contact, code, deps), deps);
  return (await deps.watches.get(watch.id)) ?? watch;
};
