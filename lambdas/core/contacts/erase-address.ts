import { DomainError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContactStore, WatchStore } from '../ports/stores.ts';

export interface EraseAddressDependencies {
  readonly clock: Clock;
  readonly contacts: ContactStore;
  readonly watches: WatchStore;
}

/** Deletes every watch that names the address, whoever owns it; one deleted meanwhile is gone either way. */
const deleteWatchesOn = async (contactId: string, watches: WatchStore): Promise<number> => {
  const found = await watches.listByContact(contactId);
  for (const watch of found) {
    try {
      await watches.delete(watch);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }
  return found.length;
};

/**
 * The address asked to be erased (the one-click unsubscribe): it is marked suppressed first, so no
 * request for it sends anything from then on; then every watch that names it goes (each owner's,
 * with its log and feed key), and everything kept under it: contact, consents, codes, counts,
 * records and queued digests. Only the marker stays, which holds no address (docs/privacy.md).
 * The watches are looked for again at the end, for one created while this ran.
 */
export const eraseAddress = async (contactId: string, deps: EraseAddressDependencies): Promise<void> => {
  await deps.contacts.suppress(contactId, deps.clock.now().toISOString());
  await deleteWatchesOn(contactId, deps.watches);
  await deps.contacts.erase(contactId);
  if ((await deleteWatchesOn(contactId, deps.watches)) > 0) await deps.contacts.erase(contactId);
};
