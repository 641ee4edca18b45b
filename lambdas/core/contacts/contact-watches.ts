import { DomainError } from '../errors.ts';
import type { WatchStore } from '../ports/stores.ts';
import type { Watch, WatchStatus } from '../watches/watch.ts';
import type { Contact } from './contact.ts';

/** Statuses that only the contact's confirmation can lift. */
const awaitingAddress: ReadonlySet<WatchStatus> = new Set(['pending-confirmation', 'unsubscribed', 'opted-out']);

/**
 * What a watch's status becomes when its contact's state is what it is: a confirmed address
 * lifts every watch waiting on it (an owner's pause stays), a gone or opted-out one stops them
 * all, and a pending one changes nothing that is already decided.
 */
export const watchStatusFor = (contact: Pick<Contact, 'state'>, current: WatchStatus): WatchStatus => {
  switch (contact.state) {
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

/** The status of a watch newly pointed at the contact. */
export const newWatchStatus = (contact: Pick<Contact, 'state'>): WatchStatus =>
  contact.state === 'pending' ? 'pending-confirmation' : watchStatusFor(contact, 'pending-confirmation');

/**
 * Brings every watch of the contact in line with its state. A watch edited meanwhile is read
 * again and brought in line once more, so an owner's concurrent edit is neither lost nor left stale.
 */
export const applyContactState = async (contact: Contact, watches: WatchStore, now: Date): Promise<Watch[]> => {
  const changed: Watch[] = [];
  for (const listed of await watches.listByContact(contact.id)) {
    let watch: Watch | undefined = listed;
    for (let attempt = 0; watch && attempt < 3; attempt += 1) {
      const status = watchStatusFor(contact, watch.status);
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

/** Applies the contact's state to its watches and returns `watch` as it now stands. */
export const settleWatch = async (watch: Watch, contact: Contact, watches: WatchStore, now: Date): Promise<Watch> =>
  (await applyContactState(contact, watches, now)).find(({ id }) => id === watch.id) ?? watch;
