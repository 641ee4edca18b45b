import { contactOf } from '../watches/watch.ts';
import type { Contact } from './contact.ts';
import { type StopContactDependencies, stopContact } from './stop-contact.ts';

/**
 * Stops the contacts of addresses the mail provider says must not be written to again: a
 * permanent bounce (no such mailbox) or a complaint (marked as spam). Addresses the service does
 * not know are passed over. Returns the contacts as they now stand.
 */
export const stopEmailAddresses = async (
  addresses: readonly string[],
  deps: StopContactDependencies,
): Promise<Contact[]> => {
  const stopped: Contact[] = [];
  for (const email of new Set(addresses)) {
    const contact = await stopContact(contactOf({ channel: { email } }), 'gone', deps);
    if (contact) stopped.push(contact);
  }
  return stopped;
};
