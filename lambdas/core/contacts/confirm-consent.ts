import { conflict, DomainError, forbidden } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConsentStore, ContactStore, WatchStore } from '../ports/stores.ts';
import { type ConfirmationLink, isConfirmationSignature } from './confirmation-link.ts';
import type { Consent } from './consent.ts';
import type { Contact } from './contact.ts';
import { accessOf, applyAccess } from './contact-watches.ts';

export interface ConsentDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly watches: WatchStore;
}

export interface LinkConsentDependencies extends ConsentDependencies {
  /** The secret the links are signed with: read once per process, where it is kept. */
  readonly linkSecret: () => Promise<string>;
}

/** Tries before a contact that keeps changing under us is left to the caller's retry. */
const ATTEMPTS = 3;

/** Marks a pending address as having said yes to someone; one that left since stays out. */
const confirmContact = async (
  contactId: string,
  deps: ConsentDependencies,
  now: Date,
): Promise<Contact | undefined> => {
  for (let attempt = 1; ; attempt += 1) {
    const contact = await deps.contacts.get(contactId);
    if (contact?.state !== 'pending') return contact;
    const next: Contact = { ...contact, state: 'confirmed', updatedAt: now.toISOString() };
    try {
      await deps.contacts.put(next, contact);
      return next;
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict' && attempt < ATTEMPTS)) throw error;
    }
  }
};

/**
 * The address says yes to one owner's pending request: the consent is confirmed (its code or
 * deadline no longer kept), the address counts as confirmed, and that owner's watches on it turn
 * active. Other owners' watches are left as they are. Confirming twice changes nothing.
 */
export const giveConsent = async (consent: Consent, deps: ConsentDependencies): Promise<void> => {
  const now = deps.clock.now();
  if (consent.state === 'pending') {
    const confirmed: Consent = {
      contact: consent.contact,
      owner: consent.owner,
      state: 'confirmed',
      requestedAt: consent.requestedAt,
      updatedAt: now.toISOString(),
    };
    await deps.consents.put(confirmed, consent);
  }
  const contact = await confirmContact(consent.contact, deps, now);
  await applyAccess(consent.contact, accessOf(contact, { state: 'confirmed' }), deps.watches, now, consent.owner);
};

/**
 * The consent a confirmation link stands for, if the service signed it and it still waits (or
 * was given already: following a link twice is fine). A forged, stale or replaced link is told apart.
 */
export const consentOfLink = async (
  link: ConfirmationLink,
  signature: string,
  deps: LinkConsentDependencies,
): Promise<Consent> => {
  if (!isConfirmationSignature(await deps.linkSecret(), link, signature))
    throw forbidden('This confirmation link is not valid: use the link in the mail sanctions-watch sent you');
  const consent = await deps.consents.get({ contact: link.contact, owner: link.owner });
  if (consent?.state === 'confirmed') return consent;
  if (Date.parse(link.confirmBy) <= deps.clock.now().getTime())
    throw conflict('link-expired', 'This confirmation link has expired; ask for a new one where you subscribed');
  // A newer request replaced this one, or the address left since: the link no longer stands for anything.
  if (consent?.state !== 'pending' || consent.confirmBy !== link.confirmBy)
    throw conflict('link-replaced', 'This confirmation link is no longer valid; use the newest one sent to you');
  return consent;
};

/** `POST /confirm`: the address follows the link mailed to it and says yes to the owner who asked. */
export const confirmByLink = async (
  link: ConfirmationLink,
  signature: string,
  deps: LinkConsentDependencies,
): Promise<void> => giveConsent(await consentOfLink(link, signature, deps), deps);
