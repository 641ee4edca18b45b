import { createHash } from 'node:crypto';
import type { DeliveryLogEntry } from '../../core/delivery/delivery-records.ts';
import type { WriteRequest } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';

/**
 * The items a delivery is recorded as, whoever writes them: the delivery log (DynamoDeliveryLog)
 * or a sender's message record, in the same batch (message-record-repository.ts).
 */

/** Long enough that no stream retry or repeat round can come back after its record is gone. */
const RECORD_DAYS = 400;
/** What owners can look back on. */
const LOG_DAYS = 90;
const DAY_SECONDS = 86_400;
export const deliveryKey = (contact: string, eventId: string) => ({
  PK: contactPartition(contact),
  SK: `DELIVERY#${eventId}`,
});
export const expiresAt = (at: string, days: number): number => Math.floor(Date.parse(at) / 1000) + days * DAY_SECONDS;
/** Same entry, same key: writing a log entry again replaces it instead of adding a twin. */
export const LOG_PREFIX = 'DELIVERY#';
const logSortKey = (entry: DeliveryLogEntry): string =>
  `${LOG_PREFIX}${entry.at}#${createHash('sha256')
    .update([entry.contact, entry.kind, ...entry.eventIds].join('\n'))
    .digest('base64url')
    .slice(0, 16)}`;

/**
 * The entry under each of its watches, where their owners read it. Given `messageKey` (the sort
 * key of the message record written in the same batch, which holds the event ids), each copy
 * leaves the event ids out: a few hundred bytes, one write unit, however many events the message
 * told. The listing reads them back from the record.
 */
export const deliveryLogWrites = (entry: DeliveryLogEntry, messageKey?: string): WriteRequest[] => {
  const SK = logSortKey(entry);
  const body =
    messageKey === undefined
      ? entry
      : { ...Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'eventIds')), messageKey };
  return [...new Set(entry.watchIds)].map((watchId) => ({
    PutRequest: {
      Item: {
        PK: `WATCH#${watchId}`,
        SK,
        itemType: 'delivery-log',
        ...body,
        expiresAt: expiresAt(entry.at, LOG_DAYS),
      },
    },
  }));
};

/** That the event was dealt with for the contact, whatever the outcome: what `recorded` finds. */
export const eventRecordItem = (entry: DeliveryLogEntry, eventId: string) => ({
  ...deliveryKey(entry.contact, eventId),
  itemType: 'delivery',
  eventId,
  status: entry.status,
  kind: entry.kind,
  at: entry.at,
  ...(entry.messageId ? { messageId: entry.messageId } : {}),
  expiresAt: expiresAt(entry.at, RECORD_DAYS),
});
