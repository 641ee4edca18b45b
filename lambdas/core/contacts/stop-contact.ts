import { DomainError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContactStore, WatchStore } from '../ports/stores.ts';
import type { Contact } from './contact.ts';
import { applyContactState } from './contact-watches.ts';

export interface StopContactDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly watches: WatchStore;
}

/** States in which nothing is sent to the contact any more. */
const stopped: ReadonlySet<Contact['state']> = new Set(['gone', 'opted-out']);

/** Tries before a contact that keeps changing under us is left to the caller's retry. */
const ATTEMPTS = 3;

/**
 * Turns the contact `gone` (it unsubscribed, bounced for good or complained) or `opted-out` (the
 * number said STOP) and stops every watch on it. A contact stopped already keeps its state, and
 * its watches are brought in line again, so a run that died between the two writes is completed
 * by the next. A contact changed meanwhile (a concurrent confirmation) is read again. Returns the
 * contact as it now stands, or undefined for an address the service does not know.
 */
export const stopContact = async (
  contactId: string,
  state: 'gone' | 'opted-out',
  deps: StopContactDependencies,
): Promise<Contact | undefined> => {
  for (let attempt = 1; ; attempt += 1) {
    const contact = await deps.contacts.get(contactId);
    if (!contact) return undefined;
    const now = deps.clock.now();
    if (stopped.has(contact.state)) {
      await applyContactState(contact, deps.watches, now);
      return contact;
    }
    const next: Contact = { ...contact, state, updatedAt: now.toISOString() };
    try {
      await deps.contacts.put(next, contact);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict' && attempt < ATTEMPTS) continue;
      throw error;
    }
    await applyContactState(next, deps.watches, now);
    return next;
  }
};
