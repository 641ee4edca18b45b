import type { Clock } from '../ports/clock.ts';
import type { ContactStore, WatchStore } from '../ports/stores.ts';
import type { Contact } from './contact.ts';
import { applyContactState } from './contact-watches.ts';

export interface StopContactDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly watches: WatchStore;
}

/** The contact's new state stops its watches: an unsubscribed address or a number that said STOP. */
export const stopContact = async (
  contact: Contact,
  state: 'gone' | 'opted-out',
  deps: StopContactDependencies,
): Promise<void> => {
  const now = deps.clock.now();
  const next: Contact = { ...contact, state, updatedAt: now.toISOString() };
  await deps.contacts.put(next, contact);
  await applyContactState(next, deps.watches, now);
};
