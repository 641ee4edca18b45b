import { DomainError } from '../errors.ts';
import type { WatchStore } from '../ports/stores.ts';
import { contactOf, type Watch, type WatchStatus } from '../watches/watch.ts';
import type { Consent } from './consent.ts';
import type { Contact } from './contact.ts';

/**
 * What one owner's watches on an address may do: `confirmed` only when the address confirmed
 * that owner's own request; `gone` or `opted-out` when the address left, whoever asked.
 */
export type Access = 'pending' | 'confirmed' | 'gone' | 'opted-out';

export const accessOf = (
  contact: Pick<Contact, 'state'> | undefined,
  consent: Pick<Consent, 'state'> | undefined,
): Access => {
  if (contact?.state === 'gone' || contact?.state === 'opted-out') return contact.state;
  return contact?.state === 'confirmed' && consent?.state === 'confirmed' ? 'confirmed' : 'pending';
};

/** Statuses that only the address's confirmation can lift. */
const awaitingAddress: ReadonlySet<WatchStatus> = new Set(['pending-confirmation', 'unsubscribed', 'opted-out']);

/**
 * What a watch's status becomes under its owner's access to its address: confirmation lifts a
 * waiting watch (an owner's pause stays), an address that left stops it, and a pending request
 * changes nothing that is already decided.
 */
export const watchStatusFor = (access: Access, current: WatchStatus): WatchStatus => {
  switch (access) {
    case 'confirmed':
      return awaitingAddress.has(current) ? 'active' : current;
    case 'gone':
      return 'unsubscribed';
    case 'opted-out':
      return 'opted-out';
    case 'pending':
      return current;
  }
};

/**
 * Brings the address's watches in line with `access`: every owner's, or only `owner`'s when the
 * access is that owner's alone (a consent). A watch edited meanwhile is read again and brought in
 * line once more, so an owner's concurrent edit is neither lost nor left stale.
 */
export const applyAccess = async (
  contactId: string,
  access: Access,
  watches: WatchStore,
  now: Date,
  owner?: string,
): Promise<Watch[]> => {
  const changed: Watch[] = [];
  for (const listed of await watches.listByContact(contactId)) {
    if (owner !== undefined && listed.owner !== owner) continue;
    let watch: Watch | undefined = listed;
    for (let attempt = 0; watch && attempt < 3; attempt += 1) {
      const status = watchStatusFor(access, watch.status);
      if (status === watch.status) break;
      const next: Watch = { ...watch, status, updatedAt: now.toISOString() };
      try {
        await watches.replace(watch, next);
        changed.push(next);
        break;
      } catch (error) {
        if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
        watch = await watches.get(watch.id);
      }
    }
  }
  return changed;
};

/** Applies the owner's access to their watches on the watch's address and returns `watch` as it now stands. */
export const settleWatch = async (watch: Watch, access: Access, watches: WatchStore, now: Date): Promise<Watch> =>
  (await applyAccess(contactOf(watch), access, watches, now, watch.owner)).find(({ id }) => id === watch.id) ?? watch;
