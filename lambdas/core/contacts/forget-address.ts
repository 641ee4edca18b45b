import { DomainError } from '../errors.ts';
import type { ConsentStore, ContactStore, WatchStore } from '../ports/stores.ts';
import type { Consent } from './consent.ts';
import type { Contact } from './contact.ts';

export interface ForgetAddressDependencies {
  readonly watches: WatchStore;
  readonly contacts: ContactStore;
  readonly consents: ConsentStore;
}

/** What was forgotten: the owner's consent alone, the whole address, or nothing (still in use). */
export type Forgotten = 'nothing' | 'consent' | 'address';

const isConflict = (error: unknown): boolean => error instanceof DomainError && error.kind === 'conflict';

/** Puts back what was deleted, each only where nothing was written since: a concurrent request's write stands. */
const restore = async (
  contact: Contact | undefined,
  consents: readonly Consent[],
  deps: ForgetAddressDependencies,
): Promise<void> => {
  const putIfAbsent = async (put: () => Promise<void>): Promise<void> => {
    try {
      await put();
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  };
  if (contact) await putIfAbsent(() => deps.contacts.put(contact));
  for (const consent of consents) await putIfAbsent(() => deps.consents.put(consent));
};

/**
 * After `owner`'s watches on the address were deleted (or moved away): when none of theirs is
 * left, their consent goes; when nobody's is left, the contact and every consent and pending
 * code go too. Without an owner, only the latter: what the clean-up of older data asks. Hash-keyed records (daily counts, delivery and message records) hold no address
 * and expire by TTL; see docs/privacy.md.
 *
 * A watch created on the address meanwhile must keep working. The contact is deleted only if
 * it did not change since it was read (a request for it writes it), and the watches are listed
 * again afterwards: if one turned up, the contact and consents are put back where nothing newer
 * was written. `gone` lists watches deleted by the caller that the index may still show.
 */
export const forgetAddress = async (
  contactId: string,
  owner: string | undefined,
  deps: ForgetAddressDependencies,
  gone: ReadonlySet<string> = new Set(),
): Promise<Forgotten> => {
  const remaining = async () => (await deps.watches.listByContact(contactId)).filter(({ id }) => !gone.has(id));
  const before = await remaining();
  if (before.some((watch) => watch.owner === owner)) return 'nothing';
  if (before.length > 0) {
    if (owner === undefined) return 'nothing';
    await deps.consents.delete({ contact: contactId, owner });
    return 'consent';
  }
  const contact = await deps.contacts.get(contactId);
  if (contact) {
    try {
      await deps.contacts.remove(contact);
    } catch (error) {
      // Asked for again meanwhile: someone is using the address.
      if (isConflict(error)) return 'nothing';
      throw error;
    }
  }
  const consents = await deps.consents.deleteAll(contactId);
  if ((await remaining()).length === 0) return 'address';
  await restore(contact, consents, deps);
  return 'nothing';
};
