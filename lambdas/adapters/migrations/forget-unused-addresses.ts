import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { forgetAddress } from '../../core/contacts/forget-address.ts';
import type { Migration } from '../../core/migrations/migration.ts';
import { DynamoConsentStore } from '../dynamodb/consent-repository.ts';
import { DynamoContactStore } from '../dynamodb/contact-repository.ts';
import { parseStoredItem } from '../dynamodb/stored-item.ts';
import { DynamoWatchStore } from '../dynamodb/watch-repository.ts';
import { changeScannedPage } from './scan-page.ts';

/** What the clean-up reads of a contact (its id) or a consent (its address and owner). */
const foundSchema = /* @__PURE__ */ z.lazy(() =>
  z.union([z.object({ contact: z.string(), owner: z.string() }), z.object({ id: z.string() })]),
);

/** Items read a page; each contact or consent found costs a Query of GSI2 and, if forgotten, a few deletes. */
const PAGE_ITEMS = 1000;
const AT_ONCE = 8;

/**
 * Before watch deletes forgot addresses, a contact stayed after its last watch went, and a
 * consent after its owner's last watch on the address. Each contact and consent is looked at as
 * a delete would have: an address no watch names is forgotten (contact, consents, codes, digest
 * entries), and an owner's consent without a watch of theirs goes (see forgetAddress). Running it
 * again finds nothing more to do.
 */
export const forgetUnusedAddresses = (
  client: DynamoDBDocumentClient,
  tableName: string,
  pageItems = PAGE_ITEMS,
): Migration => {
  const deps = {
    watches: new DynamoWatchStore(client, tableName),
    contacts: new DynamoContactStore(client, tableName),
    consents: new DynamoConsentStore(client, tableName),
  };
  return {
    id: '2026-12-forget-unused-addresses',
    description: 'Forgets addresses no watch names, and consents whose owner has no watch on the address',
    page: (start) =>
      changeScannedPage(
        client,
        {
          TableName: tableName,
          FilterExpression: 'itemType IN (:contact, :consent)',
          ExpressionAttributeValues: { ':contact': 'contact', ':consent': 'consent' },
        },
        start,
        { limit: pageItems, atOnce: AT_ONCE },
        async (item) => {
          const found = parseStoredItem(foundSchema, item);
          const [contact, owner] = 'id' in found ? [found.id, undefined] : [found.contact, found.owner];
          return (await forgetAddress(contact, owner, deps)) !== 'nothing';
        },
      ),
  };
};
