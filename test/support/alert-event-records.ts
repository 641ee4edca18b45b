import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';

/** A stream record of a stored alert event as the filtered event source mapping delivers it; `image` overrides the stored item. */
export const alertEventInsertRecord = (
  event: AlertEvent,
  sequenceNumber: string,
  image: Record<string, unknown> = { PK: `EVENT#${event.id}`, SK: 'EVENT', itemType: 'alert-event', ...event },
): DynamoDBRecord => ({
  eventID: `record-${sequenceNumber}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: {
    SequenceNumber: sequenceNumber,
    Keys: marshall({ PK: `EVENT#${event.id}`, SK: 'EVENT' }) as never,
    NewImage: marshall(image, { removeUndefinedValues: true }) as never,
  },
});
