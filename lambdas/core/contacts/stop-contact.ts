import { DomainError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConsentStore, ContactStore, WatchStore } from '../ports/stores.ts';
import type { Contact } from './contact.ts';
import { applyAccess } from './contact-watches.ts';

export interface StopContactDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
  readonly watches: WatchStore;
}

type StoppedState = 'gone' | 'opted-out';

/** States in which nothing is sent to the contact any more. */
const isStopped = (state: Contact['state']): state is StoppedState => state === 'gone' || state === 'opted-out';

/** Erases every owner's consent and stops every watch: what a stopped contact's watches must reflect. */
const stopWatches = async (contactId: string, state: StoppedState, deps: StopContactDependencies): Promise<void> => {
  await deps.consents.deleteAll(contactId);
  await applyAccess(contactId, state, deps.watches, deps.clock.now());
};

/** Tries before a contact that keeps changing under us is left to the caller's retry. */
const ATTEMPTS = 3;

/**
 * Turns the contact `gone` (it unsubscribed, bounced for good or complained) or `opted-out` (the
 * number said STOP), erases every owner's consent for it (each must ask, and be confirmed, anew)
 * and stops every watch on it. A contact stopped already keeps its state, and
 * its watches are brought in line again, so a run that died between the two writes is completed
 * by the next. A contact changed meanwhile (a concurrent confirmation) is read again. Returns the
 * contact as it now stands, or undefined for an address the service does not know.
 */
export const stopContact = async (
  contactId: string,
  state: StoppedState,
  deps: StopContactDependencies,
): Promise<Contact | undefined> => {
  for (let attempt = 1; ; attempt += 1) {
    const contact = await deps.contacts.get(contactId);
    if (!contact) return undefined;
    if (isStopped(contact.state)) {
      await stopWatches(contactId, contact.state, deps);
      return contact;
    }
    const next: Contact = { ...contact, state, updatedAt: deps.clock.now().toISOString() };
    try {
      await deps.contacts.put(next, contact);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict' && attempt < ATTEMPTS) continue;
      throw error;
    }
    await stopWatches(contactId, state, deps);
    return next;
  }
};
