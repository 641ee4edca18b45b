import { type AlertEventType, adminOnlyAlertEventTypes } from '../alerts/alert-event.ts';
import { checkSmsCountry, type SmsCountries } from '../budgets/sms-countries.ts';
import { settleWatch } from '../contacts/contact-watches.ts';
import { forgetAddress } from '../contacts/forget-address.ts';
import { type ConfirmationDependencies, requestConsent } from '../contacts/request-confirmation.ts';
import { conflict, forbidden, invalidInput } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import type { CustomGroupStore, MetricCatalogue, ObligationCatalogue, WatchStore } from '../ports/stores.ts';
import { findGroup } from '../reference/group-directory.ts';
import { findWatch } from './find-watch.ts';
import { contactOf, type Watch } from './watch.ts';
import type { WatchInput, WatchPatchInput } from './watch-schema.ts';
import { type WatchView, watchView, watchViews } from './watch-view.ts';

/** So a mistake or an abuser cannot run up SMS spend: at most this many watches per owner. */
export const MAX_WATCHES_PER_OWNER = 100;

export interface WatchDependencies extends ConfirmationDependencies {
  /** The countries this deployment texts (sms-countries.ts). */
  readonly smsCountries: SmsCountries;
  readonly watches: WatchStore;
  readonly customGroups: CustomGroupStore;
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
  readonly newId: () => string;
}

/** Groups, obligations and metrics a watch names must exist; the field of the first that does not is named. */
const checkReferences = async (
  fields: Pick<Watch, 'target' | 'obligations' | 'metrics'>,
  deps: WatchDependencies,
): Promise<void> => {
  for (const [index, group] of (fields.target.groups ?? []).entries())
    await findGroup(group, deps.customGroups, `target.groups.${index}`);
  const [obligations, metrics] = await Promise.all([deps.obligations.list(), deps.metrics.list()]);
  const knownObligations = new Set(obligations.map((o) => o.id));
  const knownMetrics = new Set(metrics.map((m) => m.id));
  (fields.obligations ?? []).forEach((id, index) => {
    if (!knownObligations.has(id))
      throw invalidInput(`obligations.${index}`, `Unknown obligation "${id}"; GET /obligations lists them`);
  });
  (fields.metrics ?? []).forEach((id, index) => {
    if (!knownMetrics.has(id))
      throw invalidInput(`metrics.${index}`, `Unknown metric "${id}"; GET /metrics lists them`);
  });
};

/** Asks the watch's address for its owner's consent (unless given) and settles the watch by the answer. */
const settleByConsent = async (
  watch: Watch,
  deps: WatchDependencies,
  options: { readonly again?: boolean } = {},
): Promise<WatchView> => {
  const now = deps.clock.now();
  const { access, consent } = await requestConsent(watch.owner, watch.channel, deps, options);
  return watchView(await settleWatch(watch, access, deps.watches, now), consent, now);
};

/** A proposal is an unreviewed guess about a state: only admins, who review it, may hear of it. */
const checkEventsFor = (caller: Caller, events: readonly AlertEventType[]): void => {
  const adminOnly = events.filter((type) => adminOnlyAlertEventTypes.includes(type));
  if (adminOnly.length > 0 && !caller.isAdmin) {
    throw forbidden(`Only admins may watch ${adminOnly.join(', ')}: a proposal is not yet a report`);
  }
};

/**
 * `POST /watches`: a new watch. It is active at once on an address that confirmed this owner's
 * request before; otherwise the address is asked (a mailed link, a texted code) and the watch waits. The watch
 * is stored before the request goes out, so a failed request leaves a watch that can ask again.
 */
export const createWatch = async (caller: Caller, input: WatchInput, deps: WatchDependencies): Promise<WatchView> => {
  checkEventsFor(caller, input.events);
  checkSmsCountry(input.channel, deps.smsCountries);
  await checkReferences(input, deps);
  const now = deps.clock.now();
  const watch: Watch = {
    ...input,
    id: deps.newId(),
    owner: caller.sub,
    status: 'pending-confirmation',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.watches.create(watch, MAX_WATCHES_PER_OWNER);
  return settleByConsent(watch, deps);
};

/**
 * `POST /watches/{id}/confirmation`: asks the watch's address to confirm again (a new link or
 * code), the way out of an expired confirmation or an unsubscribe. A confirmed address is left alone.
 */
export const requestWatchConfirmation = async (
  caller: Caller,
  id: string,
  deps: WatchDependencies,
): Promise<WatchView> => {
  const watch = await findWatch(caller, id, deps.watches);
  if (watch.status === 'active' || watch.status === 'paused')
    throw conflict('already-confirmed', 'The address of this watch is confirmed already', 'id');
  const now = deps.clock.now();
  // An unsubscribed or opted-out watch waits again: its owner has asked anew.
  const waiting: Watch =
    watch.status === 'pending-confirmation'
      ? watch
      : { ...watch, status: 'pending-confirmation', updatedAt: now.toISOString() };
  if (waiting !== watch) await deps.watches.replace(watch, waiting);
  return settleByConsent(waiting, deps, { again: true });
};

/** `GET /watches[?owner=]`: the caller's watches; admins may ask for another owner's. */
export const listWatches = async (
  caller: Caller,
  owner: string | undefined,
  deps: Pick<WatchDependencies, 'watches' | 'consents' | 'clock'>,
): Promise<WatchView[]> => {
  if (owner !== undefined && owner !== caller.sub && !caller.isAdmin) {
    throw invalidInput('owner', "Only admins may list another owner's watches");
  }
  return watchViews(await deps.watches.listByOwner(owner ?? caller.sub), deps.consents, deps.clock.now());
};

/** `GET /watches/{id}`. */
export const getWatch = async (
  caller: Caller,
  id: string,
  deps: Pick<WatchDependencies, 'watches' | 'consents' | 'clock'>,
): Promise<WatchView> => {
  const watch = await findWatch(caller, id, deps.watches);
  const consent =
    watch.status === 'pending-confirmation'
      ? await deps.consents.get({ contact: contactOf(watch), owner: watch.owner })
      : undefined;
  return watchView(watch, consent, deps.clock.now());
};

/** Applies a patch: objects replace whole, `null` clears, status moves only between active and paused. */
const patched = (watch: Watch, patch: WatchPatchInput, now: string): Watch => {
  if (patch.status !== undefined && watch.status !== 'active' && watch.status !== 'paused') {
    throw conflict(
      'watch-not-confirmed',
      `The watch is ${watch.status}; it can be paused or resumed once its address is confirmed`,
      'status',
    );
  }
  // A new address must be confirmed by its owner before anything is sent to it.
  const newAddress = patch.channel !== undefined && contactOf({ channel: patch.channel }) !== contactOf(watch);
  const merged = { ...watch, ...patch, updatedAt: now, ...(newAddress ? { status: 'pending-confirmation' } : {}) };
  // `null` clears a field. Every patched field was validated by the same schema pieces as the Watch's own.
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null)) as unknown as Watch;
};

/** `PATCH /watches/{id}`. A new address is asked to confirm, as on creation. */
export const updateWatch = async (
  caller: Caller,
  id: string,
  patch: WatchPatchInput,
  deps: WatchDependencies,
): Promise<WatchView> => {
  if (patch.events) checkEventsFor(caller, patch.events);
  const watch = await findWatch(caller, id, deps.watches);
  const now = deps.clock.now();
  const next = patched(watch, patch, now.toISOString());
  if (patch.channel !== undefined) checkSmsCountry(patch.channel, deps.smsCountries);
  await checkReferences(next, deps);
  await deps.watches.replace(watch, next);
  // Moved off its address: the address may have no watch of this owner (or anyone) left.
  if (contactOf(next) !== contactOf(watch))
    await forgetAddress(contactOf(watch), watch.owner, deps, new Set([watch.id]));
  if (next.status !== 'pending-confirmation') return watchView(next, undefined, now);
  return settleByConsent(next, deps);
};
