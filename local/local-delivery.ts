import { LOCAL_DELIVERY_ENV } from '../lambdas/adapters/delivery-settings.ts';
import { DynamoContactStore } from '../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoWatchStore } from '../lambdas/adapters/dynamodb/watch-repository.ts';
import { createOutboxNotifier } from '../lambdas/adapters/outbox/outbox-notifier.ts';
import { systemClock } from '../lambdas/adapters/system-clock.ts';
import { PUBLIC_API_URL_ENV } from '../lambdas/contracts/environment.ts';
import { reconcileContact } from '../lambdas/core/contacts/reconcile-subscriptions.ts';
import { contactOf } from '../lambdas/core/watches/watch.ts';
import { tableAccess } from '../lambdas/handlers/table-access.ts';

export interface LocalDeliveryFiles {
  /** JSON lines of every message "sent" (and every confirmation request). */
  readonly outboxFile: string;
  /** JSON lines of deliveries parked for good: the delivery-failures queue's part. */
  readonly failuresFile: string;
}

/**
 * Points the handlers' delivery at the outbox, as the stack points them at SNS: set before any
 * handler module is loaded, since they build their adapters at load, as in a cold start.
 */
export const useLocalDelivery = (files: LocalDeliveryFiles, apiUrl: string): void => {
  process.env[LOCAL_DELIVERY_ENV.outboxFile] = files.outboxFile;
  process.env[LOCAL_DELIVERY_ENV.failuresFile] = files.failuresFile;
  process.env[LOCAL_DELIVERY_ENV.confirmationBaseUrl] = apiUrl;
  process.env[PUBLIC_API_URL_ENV] = apiUrl;
};

/**
 * What the link in SNS's confirmation mail does, locally: confirms the subscription the token
 * was sent for, then takes the contact's new state at once (the hourly reconciler would, later),
 * so its watches turn active. Returns the confirmed address, or undefined for an unknown token.
 */
export const confirmLocalSubscription = (outboxFile: string) => {
  const outbox = createOutboxNotifier({ file: outboxFile, now: () => new Date(), confirmationBaseUrl: '' });
  return async (token: string): Promise<string | undefined> => {
    const address = await outbox.confirm(token);
    if (address === undefined) return undefined;
    const { client, tableName } = tableAccess();
    const deps = {
      clock: systemClock,
      contacts: new DynamoContactStore(client, tableName),
      watches: new DynamoWatchStore(client, tableName),
      notifier: outbox,
    };
    const contact = await deps.contacts.get(contactOf({ channel: { email: address } }));
    if (contact) await reconcileContact(contact, deps);
    return address;
  };
};
