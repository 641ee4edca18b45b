import { type Contact, isConfirmationExpired } from '../contacts/contact.ts';
import type { ContactStore } from '../ports/stores.ts';
import { contactOf, type Watch } from './watch.ts';

/** Where a watch that cannot send yet stands, and what its owner can do about it. */
export interface ConfirmationView {
  readonly state: 'pending' | 'expired' | 'unsubscribed' | 'opted-out';
  /** A pending link or code works until then. */
  readonly confirmBy?: string;
  readonly next: string;
}

/** A watch as the API shows it: the stored watch and, while it cannot send, its confirmation. */
export type WatchView = Watch & { readonly confirmation?: ConfirmationView };

const askAgain = (watch: Watch): string => `POST /watches/${watch.id}/confirmation`;

const confirmationOf = (watch: Watch, contact: Contact | undefined, now: Date): ConfirmationView | undefined => {
  const sms = 'sms' in watch.channel;
  switch (watch.status) {
    case 'active':
    case 'paused':
      return undefined;
    case 'unsubscribed':
      return { state: 'unsubscribed', next: `The address unsubscribed; ${askAgain(watch)} subscribes it again` };
    case 'opted-out':
      return { state: 'opted-out', next: 'The number replied STOP; reply START to our texts, then ' + askAgain(watch) };
    case 'pending-confirmation': {
      if (!contact || isConfirmationExpired(contact, now)) {
        return {
          state: 'expired',
          next: `The ${sms ? 'code' : 'confirmation link'} has expired; ${askAgain(watch)} sends a new one`,
        };
      }
      const next = sms
        ? `POST /watches/${watch.id}/verify with { "code" } texted to the number`
        : 'Open the link in the confirmation mail sent to the address';
      return { state: 'pending', ...(contact.confirmBy === undefined ? {} : { confirmBy: contact.confirmBy }), next };
    }
  }
};

export const watchView = (watch: Watch, contact: Contact | undefined, now: Date): WatchView => {
  const confirmation = confirmationOf(watch, contact, now);
  return confirmation ? { ...watch, confirmation } : watch;
};

/** Views of many watches, reading the contacts of only those still waiting on their address. */
export const watchViews = async (
  watches: readonly Watch[],
  contacts: ContactStore,
  now: Date,
): Promise<WatchView[]> => {
  const waiting = [...new Set(watches.filter(({ status }) => status === 'pending-confirmation').map(contactOf))];
  const found = waiting.length > 0 ? await contacts.getMany(waiting) : new Map<string, Contact>();
  return watches.map((watch) => watchView(watch, found.get(contactOf(watch)), now));
};
