import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { Clock } from '../ports/clock.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { ContactStore, WatchStore } from '../ports/stores.ts';
import { type Contact, isConfirmationExpired } from './contact.ts';
import { applyContactState } from './contact-watches.ts';

export interface ReconcileDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly watches: WatchStore;
  readonly notifier: Pick<Notifier, 'subscriptionState'>;
}

export interface ReconcileOutcome {
  readonly checked: number;
  readonly confirmed: number;
  readonly gone: number;
}

/**
 * Takes one email contact's state from the notifier: a confirmed subscription activates its
 * watches, a vanished one (an unsubscribe, perhaps by a mail scanner following the footer link)
 * stops them. A pending subscription that SNS dropped after its three days stays pending here,
 * shown as expired, so its owner is told to ask again rather than that the address left.
 */
export const reconcileContact = async (contact: Contact, deps: ReconcileDependencies): Promise<Contact['state']> => {
  if (contact.channel !== 'email' || contact.address === undefined) return contact.state;
  const now = deps.clock.now();
  const subscription = await deps.notifier.subscriptionState(contact.address);
  const state =
    subscription === 'confirmed'
      ? 'confirmed'
      : subscription === 'gone' && (contact.state === 'confirmed' || !isConfirmationExpired(contact, now))
        ? 'gone'
        : contact.state;
  if (state === contact.state) return state;
  const next: Contact = { ...contact, state, updatedAt: now.toISOString() };
  await deps.contacts.put(next, contact);
  await applyContactState(next, deps.watches, now);
  return state;
};

/** Every email contact that is pending or confirmed, checked against the notifier (the hourly job). */
export const reconcileSubscriptions = async (deps: ReconcileDependencies): Promise<ReconcileOutcome> => {
  const [pending, confirmed] = await Promise.all([
    deps.contacts.listByState('pending'),
    deps.contacts.listByState('confirmed'),
  ]);
  const email = [...pending, ...confirmed].filter(({ channel }) => channel === 'email');
  const before = new Map(email.map((contact) => [contact.id, contact.state]));
  const after = await mapWithConcurrency(email, 8, async (contact) => ({
    id: contact.id,
    state: await reconcileContact(contact, deps),
  }));
  const changedTo = (state: Contact['state']) =>
    after.filter(({ id, state: now }) => now === state && before.get(id) !== state).length;
  return { checked: email.length, confirmed: changedTo('confirmed'), gone: changedTo('gone') };
};
