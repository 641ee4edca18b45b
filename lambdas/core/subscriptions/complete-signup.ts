import { type ConsentDependencies, confirmByLink, giveConsent } from '../contacts/confirm-consent.ts';
import type { ConfirmationLink } from '../contacts/confirmation-link.ts';
import type { Contact } from '../contacts/contact.ts';
import { accessOf, settleWatch } from '../contacts/contact-watches.ts';
import { checkCode } from '../contacts/verify-sms-code.ts';
import { DomainError } from '../errors.ts';
import type { SignupStore } from '../ports/stores.ts';
import { contactOf, type Watch } from '../watches/watch.ts';
import { isPublicOwner, publicOwnerOf } from './public-owner.ts';

export interface CompleteSignupDependencies extends ConsentDependencies {
  readonly signups: SignupStore;
  readonly newId: () => string;
}

export interface SignupConfirmDependencies extends CompleteSignupDependencies {
  readonly linkSecret: () => Promise<string>;
}

/** A public owner holds one watch: the address's one subscription. */
const WATCHES_PER_SUBSCRIBER = 1;

/** Marks the contact as signed up by itself (its messages carry its manage link); a contact changed meanwhile is left to the next confirmation. */
const markSignedUp = async (contact: Contact | undefined, deps: CompleteSignupDependencies): Promise<void> => {
  if (!contact || contact.signedUp) return;
  try {
    await deps.contacts.put({ ...contact, signedUp: true, updatedAt: deps.clock.now().toISOString() }, contact);
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
  }
};

/**
 * After the address confirmed its own sign-up: the waiting sign-up becomes the address's watch
 * (unless it has one: confirming twice, or signing up again while subscribed, changes nothing),
 * the sign-up goes, and the address's erasure marker, if any, is lifted: the address itself said yes.
 */
export const completeSignup = async (contactId: string, deps: CompleteSignupDependencies): Promise<void> => {
  const owner = publicOwnerOf(contactId);
  const [signup, existing] = await Promise.all([deps.signups.get(contactId), deps.watches.listByOwner(owner)]);
  if (signup && existing.length === 0) {
    const now = deps.clock.now().toISOString();
    const watch: Watch = {
      id: deps.newId(),
      owner,
      target: signup.target,
      events: signup.events,
      channel: signup.channel,
      delivery: { mode: 'immediate', resolved: false },
      status: 'pending-confirmation',
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.watches.create(watch, WATCHES_PER_SUBSCRIBER);
      const [contact, consent] = await Promise.all([
        deps.contacts.get(contactId),
        deps.consents.get({ contact: contactOf(watch), owner }),
      ]);
      await settleWatch(watch, accessOf(contact, consent), deps.watches, deps.clock.now());
    } catch (error) {
      // A concurrent confirmation made it first.
      if (!(error instanceof DomainError && error.kind === 'invalid-input')) throw error;
    }
  }
  if (signup) await deps.signups.delete(contactId);
  await deps.contacts.unsuppress(contactId);
  await markSignedUp(await deps.contacts.get(contactId), deps);
};

/** `POST /confirm`: any owner's confirmation link; an address's own sign-up also becomes its watch. */
export const confirmLink = async (
  link: ConfirmationLink,
  signature: string,
  deps: SignupConfirmDependencies,
): Promise<void> => {
  await confirmByLink(link, signature, deps);
  if (isPublicOwner(link.owner) && link.owner === publicOwnerOf(link.contact)) await completeSignup(link.contact, deps);
};

/** `POST /subscriptions/verify`: the number returns the code its sign-up texted; the right one makes the watch. */
export const verifySignupCode = async (
  contactId: string,
  code: string,
  deps: SignupConfirmDependencies,
): Promise<void> => {
  const key = { contact: contactId, owner: publicOwnerOf(contactId) };
  const consent = await deps.consents.get(key);
  await giveConsent(
    consent?.state === 'confirmed'
      ? consent
      : await checkCode(consent, contactId, code, deps, 'sign up again on the board for a new one'),
    deps,
  );
  await completeSignup(contactId, deps);
};
