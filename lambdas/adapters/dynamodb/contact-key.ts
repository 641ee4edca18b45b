import { contactKeyOf } from '../../core/contacts/contact-key.ts';

/** A contact's partition by its key (contact-key.ts): the key, never the address, is in table keys. */
export const contactKeyPartition = (key: string): string => `CONTACT#${key}`;

/** A contact's partition, `CONTACT#<key>`, by its id. */
export const contactPartition = (contact: string): string => contactKeyPartition(contactKeyOf(contact));
