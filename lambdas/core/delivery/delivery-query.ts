import type { Caller } from '../identity/caller.ts';
import type { DeliveryLog, WatchStore } from '../ports/stores.ts';
import { findWatch } from '../watches/find-watch.ts';
import type { DeliveryLogEntry } from './delivery-records.ts';

/**
 * `GET /watches/{id}/deliveries`: what the watch's address was sent (or not, and why), newest
 * first. A message told several owners' watches at once; each owner sees only their own among them.
 */
export const listWatchDeliveries = async (
  caller: Caller,
  id: string,
  query: { readonly limit: number; readonly after?: string },
  deps: { readonly watches: WatchStore; readonly deliveryLog: DeliveryLog },
): Promise<{ readonly count: number; readonly deliveries: readonly DeliveryLogEntry[]; readonly next?: string }> => {
  const watch = await findWatch(caller, id, deps.watches);
  const [page, owned] = await Promise.all([
    deps.deliveryLog.listForWatch(watch.id, query),
    deps.watches.listByOwner(watch.owner),
  ]);
  const ownIds = new Set(owned.map(({ id: watchId }) => watchId));
  return {
    count: page.entries.length,
    deliveries: page.entries.map((entry) => ({
      ...entry,
      watchIds: entry.watchIds.filter((watchId) => ownIds.has(watchId)),
    })),
    ...(page.next === undefined ? {} : { next: page.next }),
  };
};
