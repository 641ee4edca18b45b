import { type ForgetAddressDependencies, forgetAddress } from '../contacts/forget-address.ts';
import type { Caller } from '../identity/caller.ts';
import { findWatch } from './find-watch.ts';
import { contactOf } from './watch.ts';

/**
 * `DELETE /watches/{id}`: the watch goes with its log and feed key; when it was its owner's last
 * on the address, the address forgets that owner, and when it was anyone's last, the address is
 * forgotten (see forgetAddress). An owner left with no watch leaves no counter behind.
 */
export const deleteWatch = async (caller: Caller, id: string, deps: ForgetAddressDependencies): Promise<void> => {
  const watch = await findWatch(caller, id, deps.watches);
  await deps.watches.delete(watch);
  await forgetAddress(contactOf(watch), watch.owner, deps, new Set([watch.id]));
  await deps.watches.forgetOwner(watch.owner);
};
