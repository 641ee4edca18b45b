import { type ForgetAddressDependencies, forgetAddress } from '../contacts/forget-address.ts';
import { DomainError } from '../errors.ts';
import { contactOf } from '../watches/watch.ts';
import type { Caller } from './caller.ts';

/**
 * `DELETE /me`: erases everything the service keeps of the caller: each watch with its log and
 * feed key, their consents, their watch counter, and every address no other owner's watch uses
 * (see forgetAddress). Erasing twice, or an owner with nothing, changes nothing.
 */
export const eraseOwner = async (caller: Caller, deps: ForgetAddressDependencies): Promise<void> => {
  const watches = await deps.watches.listByOwner(caller.sub);
  for (const watch of watches) {
    try {
      await deps.watches.delete(watch);
    } catch (error) {
      // Deleted meanwhile by a concurrent request: gone either way.
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }
  const gone = new Set(watches.map(({ id }) => id));
  for (const contact of new Set(watches.map(contactOf))) await forgetAddress(contact, caller.sub, deps, gone);
  await deps.watches.forgetOwner(caller.sub);
};
