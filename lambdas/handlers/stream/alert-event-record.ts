import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../../adapters/logger.ts';
import type { AlertEvent } from '../../core/alerts/alert-event.ts';
import { storedAlertEventSchema } from '../../core/alerts/alert-event-schema.ts';
import { PoisonRecordError, parse, plain } from './stream-image.ts';

/** How a record is named in a partial batch response (ReportBatchItemFailures). */
export const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

/** The stored alert event an inserted record carries; a record that holds none is poison. */
export const alertEventOf = (record: DynamoDBRecord): AlertEvent => {
  const image = plain(record.dynamodb?.NewImage);
  if (!image) throw new PoisonRecordError(`${String(record.eventName)} record without a new image`);
  return parse(storedAlertEventSchema, image, 'alert event');
};

export interface ReceivedAlertEvent {
  readonly sequenceNumber: string;
  readonly event: AlertEvent;
}

/**
 * A batch's records read as alert events. Those that cannot be read are logged and named by
 * sequence number in `poison`, for the partial batch response: they must fail, not vanish.
 */
export const readAlertEventRecords = (
  records: readonly DynamoDBRecord[],
): { readonly received: readonly ReceivedAlertEvent[]; readonly poison: readonly string[] } => {
  const received: ReceivedAlertEvent[] = [];
  const poison: string[] = [];
  for (const record of records) {
    try {
      received.push({ sequenceNumber: sequenceOf(record), event: alertEventOf(record) });
    } catch (error) {
      logger.error('poison stream record', {
        eventId: record.eventID,
        sequenceNumber: sequenceOf(record),
        keys: record.dynamodb?.Keys,
        error,
      });
      poison.push(sequenceOf(record));
    }
  }
  return { received, poison };
};
