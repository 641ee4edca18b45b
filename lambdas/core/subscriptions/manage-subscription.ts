import { type EraseAddressDependencies, eraseAddress } from '../contacts/erase-address.ts';
import { conflict, notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { CustomGroupStore, WatchStore } from '../ports/stores.ts';
import { findGroup } from '../reference/group-directory.ts';
import type { Watch } from '../watches/watch.ts';
import { contactOfManageToken } from './manage-link.ts';
import { publicOwnerOf } from './public-owner.ts';
import type { SubscriptionChange } from './signup-schema.ts';

export interface ManageDependencies extends EraseAddressDependencies {
  readonly clock: Clock;
  readonly watches: WatchStore;
  readonly customGroups: CustomGroupStore;
  /** The secret manage links are signed with. */
  readonly linkSecret: () => Promise<string>;
}

/** An address's own subscription, as the manage page shows it: none before it confirmed, or after it left. */
export interface Subscription {
  readonly contact: string;
  readonly watch?: Watch;
}

/** The address a manage token stands for, if the service signed it. */
export const contactOfToken = async (token: string, deps: Pick<ManageDependencies, 'linkSecret'>): Promise<string> =>
  contactOfManageToken(await deps.linkSecret(), token);

/** `GET /manage?token=`: the token's address and its sign-up's watch. */
export const subscriptionOf = async (
  contact: string,
  deps: Pick<ManageDependencies, 'watches'>,
): Promise<Subscription> => {
  const [watch] = await deps.watches.listByOwner(publicOwnerOf(contact));
  return { contact, ...(watch ? { watch } : {}) };
};

const ownWatch = async (contact: string, deps: Pick<ManageDependencies, 'watches'>): Promise<Watch> => {
  const { watch } = await subscriptionOf(contact, deps);
  if (!watch) throw notFound('no-subscription', 'This address has no subscription to change; sign up on the board');
  return watch;
};

/** Replaces the watch with `change(watch)`; an edit that raced another is a conflict the subscriber sees, to try again. */
const replaceWith = async (
  contact: string,
  change: (watch: Watch, now: string) => Watch,
  deps: ManageDependencies,
): Promise<Subscription> => {
  const watch = await ownWatch(contact, deps);
  const next = change(watch, deps.clock.now().toISOString());
  await deps.watches.replace(watch, next);
  return { contact, watch: next };
};

/** `POST /manage` (change): new states or groups and events; the address stays as it is, so nothing needs confirming. */
export const changeSubscription = async (
  contact: string,
  change: SubscriptionChange,
  deps: ManageDependencies,
): Promise<Subscription> => {
  for (const [index, group] of (change.target.groups ?? []).entries())
    await findGroup(group, deps.customGroups, `groups.${index}`);
  return replaceWith(
    contact,
    (watch, now) => ({ ...watch, target: change.target, events: change.events, updatedAt: now }),
    deps,
  );
};

/** `POST /manage` (pause, resume): only a confirmed subscription is paused or resumed. */
export const pauseSubscription = async (
  contact: string,
  paused: boolean,
  deps: ManageDependencies,
): Promise<Subscription> =>
  replaceWith(
    contact,
    (watch, now) => {
      if (watch.status !== 'active' && watch.status !== 'paused')
        throw conflict(
          'subscription-not-active',
          `The subscription is ${watch.status}; it cannot be paused or resumed`,
        );
      return { ...watch, status: paused ? 'paused' : 'active', updatedAt: now };
    },
    deps,
  );

/** `POST /manage` (erase): the one-click unsubscribe's erasure of the address (erase-address.ts). */
export const eraseSubscription = (contact: string, deps: ManageDependencies): Promise<void> =>
  eraseAddress(contact, deps);
