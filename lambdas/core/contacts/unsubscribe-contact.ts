import { forbidden } from '../errors.ts';
import { type StopContactDependencies, stopContact } from './stop-contact.ts';
import { isUnsubscribeSignature } from './unsubscribe-link.ts';

export interface UnsubscribeDependencies extends StopContactDependencies {
  /** The secret the links are signed with: read once per process, where it is kept. */
  readonly linkSecret: () => Promise<string>;
}

/** A link that was not signed by the service for this contact: mistyped, cut short, or forged. */
export const checkUnsubscribeLink = async (
  contactId: string,
  signature: string,
  deps: Pick<UnsubscribeDependencies, 'linkSecret'>,
): Promise<void> => {
  if (!isUnsubscribeSignature(await deps.linkSecret(), contactId, signature))
    throw forbidden('This unsubscribe link is not valid: use the link of a message sanctions-watch sent you');
};

/**
 * The one-click unsubscribe: a signed link turns its contact `gone` and stops every watch on it,
 * whoever owns them. Unsubscribing twice, or an address the service no longer knows, changes
 * nothing and answers the same, so the answer says nothing about who is subscribed.
 */
export const unsubscribe = async (
  contactId: string,
  signature: string,
  deps: UnsubscribeDependencies,
): Promise<void> => {
  await checkUnsubscribeLink(contactId, signature, deps);
  await stopContact(contactId, 'gone', deps);
};
