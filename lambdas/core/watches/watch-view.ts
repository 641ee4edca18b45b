import type { Consent } from '../contacts/consent.ts';
import { isConfirmationExpired } from '../contacts/contact.ts';
import type { ConsentStore } from '../ports/stores.ts';
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

const confirmationOf = (watch: Watch, consent: Consent | undefined, now: Date): ConfirmationView | undefined => {
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
      if (!consent || isConfirmationExpired(consent, now)) {
        return {
          state: 'expired',
          next: `The ${sms ? 'code' : 'confirmation link'} has expired; ${askAgain(watch)} sends a new one`,
        };
      }
      const next = sms
        ? `POST /watches/${watch.id}/verify with { "code" } texted to the number`
        : 'Open the link in the confirmation mail sent to the address';
      return { state: 'pending', ...(consent.confirmBy === undefined ? {} : { confirmBy: consent.confirmBy }), next };
    }
  }
};

/** `consent`: the owner's, for a watch that waits on it. */
export const watchView = (watch: Watch, consent: Consent | undefined, now: Date): WatchView => {
  const confirmation = confirmationOf(watch, consent, now);
  return confirmation ? { ...watch, confirmation } : watch;
};

const consentKey = (contact: string, owner: string): string => `${owner}\n${contact}`;

/** Views of many watches, reading the owners' consents of only those still waiting on their address. */
export const watchViews = async (
  watches: readonly Watch[],
  consents: ConsentStore,
  now: Date,
): Promise<WatchView[]> => {
  const waiting = watches
    .filter(({ status }) => status === 'pending-confirmation')
    .map((watch) => ({ contact: contactOf(watch), owner: watch.owner }));
  const found = new Map(
    (waiting.length > 0 ? await consents.getMany(waiting) : []).map((consent) => [
      consentKey(consent.contact, consent.owner),
      consent,
    ]),
  );
  return watches.map((watch) => watchView(watch, found.get(consentKey(contactOf(watch), watch.owner)), now));
};
