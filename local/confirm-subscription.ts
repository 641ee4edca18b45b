import { type ReconcileDependencies, reconcileContact } from '../lambdas/core/contacts/reconcile-subscriptions.ts';
import { contactOf } from '../lambdas/core/watches/watch.ts';
import type { OutboxNotifier } from './outbox/outbox-notifier.ts';

/**
 * What the link in SNS's confirmation mail does, locally: confirms the subscription the token
 * was sent for, then takes the contact's new state at once (the hourly reconciler would, later),
 * so its watches turn active. Returns the confirmed address, or undefined for an unknown token.
 */
export const confirmLocalSubscription =
  (deps: Omit<ReconcileDependencies, 'notifier'> & { readonly outbox: OutboxNotifier }) =>
  async (token: string): Promise<string | undefined> => {
    const address = await deps.outbox.confirm(token);
    if (address === undefined) return undefined;
    const contact = await deps.contacts.get(contactOf({ channel: { email: address } }));
    if (contact) await reconcileContact(contact, { ...deps, notifier: deps.outbox });
    return address;
  };
