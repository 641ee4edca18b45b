import { notFound } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import type { WatchStore } from '../ports/stores.ts';
import type { Watch } from './watch.ts';

/** A watch the caller may see: their own, or any for an admin. Another owner's answers 404, not 403, so ids reveal nothing. */
export const findWatch = async (caller: Caller, id: string, watches: WatchStore): Promise<Watch> => {
  const watch = await watches.get(id);
  if (!watch || (watch.owner !== caller.sub && !caller.isAdmin))
    throw notFound('watch-not-found', `No watch "${id}"`, 'id');
  return watch;
};
