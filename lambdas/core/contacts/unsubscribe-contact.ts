import { forbidden } from '../errors.ts';
import { type EraseAddressDependencies, eraseAddress } from './erase-address.ts';
import { isUnsubscribeSignature } from './unsubscribe-link.ts';

export interface UnsubscribeDependencies extends EraseAddressDependencies {
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
 * The one-click unsubscribe: a signed link erases its address (see eraseAddress): every watch on
 * it, whoever owns them, and all that is kept of it, so nothing is sent to it again. Unsubscribing
 * twice, or an address the service never knew, answers the same, so the answer says nothing
 * about who is subscribed.
 */
export const unsubscribe = async (
  contactId: string,
  signature: string,
  deps: UnsubscribeDependencies,
): Promise<void> => {
  await checkUnsubscribeLink(contactId, signature, deps);
  await eraseAddress(contactId, deps);
};

/**
 * The address changed its mind, through the same signed link (only a message sent to it carries
 * one): its suppression marker goes, so an owner's request or a sign-up may ask it again. Nothing
 * is subscribed by this: every watch still waits for the address's own confirmation.
 */
export const allowRequestsAgain = async (
  contactId: string,
  signature: string,
  deps: Pick<UnsubscribeDependencies, 'linkSecret' | 'contacts'>,
): Promise<void> => {
  await checkUnsubscribeLink(contactId, signature, deps);
  await deps.contacts.unsuppress(contactId);
};
