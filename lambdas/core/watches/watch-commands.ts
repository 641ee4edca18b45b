import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import type { CustomGroupStore, MetricCatalogue, ObligationCatalogue, WatchStore } from '../ports.ts';
import { findGroup } from '../queries/group-directory.ts';
import type { Clock } from '../time/clock.ts';
import type { Watch } from './watch.ts';
import type { WatchInput, WatchPatchInput } from './watch-schema.ts';

/** So a mistake or an abuser cannot run up SMS spend: at most this many watches per owner. */
export const MAX_WATCHES_PER_OWNER = 100;

export interface WatchDependencies {
  readonly clock: Clock;
  readonly watches: WatchStore;
  readonly customGroups: CustomGroupStore;
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
  readonly newId: () => string;
}

/** Groups, obligations and metrics a watch names must exist; the field of the first that does not is named. */
const checkReferences = async (fields: Pick<Watch, 'target' | 'obligations' | 'metrics'>, deps: WatchDependencies): Promise<void> => {
  for (const [index, group] of (fields.target.groups ?? []).entries()) await findGroup(group, deps.customGroups, `target.groups.${index}`);
  const [obligations, metrics] = await Promise.all([deps.obligations.list(), deps.metrics.list()]);
  const knownObligations = new Set(obligations.map((o) => o.id));
  const knownMetrics = new Set(metrics.map((m) => m.id));
  (fields.obligations ?? []).forEach((id, index) => {
    if (!knownObligations.has(id)) throw invalidInput(`obligations.${index}`, `Unknown obligation "${id}"; GET /obligations lists them`);
  });
  (fields.metrics ?? []).forEach((id, index) => {
    if (!knownMetrics.has(id)) throw invalidInput(`metrics.${index}`, `Unknown metric "${id}"; GET /metrics lists them`);
  });
};

/** `POST /watches`: a new watch, pending until its address is confirmed. */
export const createWatch = async (caller: Caller, input: WatchInput, deps: WatchDependencies): Promise<Watch> => {
  await checkReferences(input, deps);
  const now = deps.clock.now().toISOString();
  const watch: Watch = { ...input, id: deps.newId(), owner: caller.sub, status: 'pending-confirmation', createdAt: now, updatedAt: now };
  await deps.watches.create(watch, MAX_WATCHES_PER_OWNER);
  return watch;
};

/** A watch the caller may see: their own, or any for an admin. Another owner's answers 404, not 403, so ids reveal nothing. */
export const findWatch = async (caller: Caller, id: string, watches: WatchStore): Promise<Watch> => {
  const watch = await watches.get(id);
  if (!watch || (watch.owner !== caller.sub && !caller.isAdmin)) throw notFound('watch-not-found', `No watch "${id}"`, 'id');
  return watch;
};

/** `GET /watches[?owner=]`: the caller's watches; admins may ask for another owner's. */
export const listWatches = async (caller: Caller, owner: string | undefined, watches: WatchStore): Promise<Watch[]> => {
  if (owner !== undefined && owner !== caller.sub && !caller.isAdmin) {
    throw invalidInput('owner', 'Only admins may list another owner\'s watches');
  }
  return watches.listByOwner(owner ?? caller.sub);
};

/** Applies a patch: objects replace whole, `null` clears, status moves only between active and paused. */
const patched = (watch: Watch, patch: WatchPatchInput, now: string): Watch => {
  if (patch.status !== undefined && watch.status !== 'active' && watch.status !== 'paused') {
    throw conflict('watch-not-confirmed', `The watch is ${watch.status}; it can be paused or resumed once its address is confirmed`, 'status');
  }
  // A new address must be confirmed by its owner before anything is sent to it.
  const merged = { ...watch, ...patch, updatedAt: now, ...(patch.channel === undefined ? {} : { status: 'pending-confirmation' }) };
  // `null` clears a field. Every patched field was validated by the same schema pieces as the Watch's own.
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null)) as unknown as Watch;
};

/** `PATCH /watches/{id}`. */
export const updateWatch = async (caller: Caller, id: string, patch: WatchPatchInput, deps: WatchDependencies): Promise<Watch> => {
  const watch = await findWatch(caller, id, deps.watches);
  const next = patched(watch, patch, deps.clock.now().toISOString());
  await checkReferences(next, deps);
  await deps.watches.replace(watch, next);
  return next;
};

/** `DELETE /watches/{id}`. */
export const deleteWatch = async (caller: Caller, id: string, watches: WatchStore): Promise<void> => {
  await watches.delete(await findWatch(caller, id, watches));
};
