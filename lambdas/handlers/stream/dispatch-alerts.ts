import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RequestCounter } from '../../adapters/dynamodb/request-counter.ts';
import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import type { AlertEvent } from '../../core/alerts/alert-event.ts';
import { storedAlertEventSchema } from '../../core/alerts/alert-event-schema.ts';
import { type DispatchDependencies, dispatchEvents } from '../../core/delivery/dispatch-events.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requestLogging } from '../request-logging.ts';
import { PoisonRecordError, parse, plain } from './stream-image.ts';

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

const alertEventOf = (record: DynamoDBRecord): AlertEvent => {
  const image = plain(record.dynamodb?.NewImage);
  if (!image) throw new PoisonRecordError(`${String(record.eventName)} record without a new image`);
  return parse(storedAlertEventSchema, image, 'alert event');
};

/**
 * The dispatcher, fed by the table's stream (stored alert events are the delivery queue): one
 * invocation gets every event stored within the grouping window, so each contact gets one
 * message for them. Records the notifier could not take yet, and unreadable ones, are reported
 * by sequence number: Lambda retries from the first of them, and what was delivered before is
 * found in the delivery records and not sent again.
 */
export const handlerFor = (deps: DispatchDependencies & { readonly requests: Pick<RequestCounter, 'total'> }) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(requestLogging())
    .handler(async (event) => {
      const failures: string[] = [];
      const received: { readonly sequenceNumber: string; readonly event: AlertEvent }[] = [];
      for (const record of event.Records) {
        try {
          received.push({ sequenceNumber: sequenceOf(record), event: alertEventOf(record) });
        } catch (error) {
          logger.error('poison stream record', {
            eventId: record.eventID,
            sequenceNumber: sequenceOf(record),
            keys: record.dynamodb?.Keys,
            error,
          });
          failures.push(sequenceOf(record));
        }
      }
      const requestsBefore = deps.requests.total();
      const outcome = await dispatchEvents(
        received.map(({ event: alert }) => alert),
        deps,
      );
      for (const { sequenceNumber, event: alert } of received)
        if (outcome.retryEventIds.has(alert.id)) failures.push(sequenceNumber);
      const byStatus: Record<string, number> = {};
      for (const { status } of outcome.deliveries) byStatus[status] = (byStatus[status] ?? 0) + 1;
      logger.info('alert events dispatched', {
        events: received.length,
        matches: outcome.matches,
        queuedForDigest: outcome.queuedForDigest,
        messages: byStatus,
        failed: failures.length,
        dynamoDbRequests: deps.requests.total() - requestsBefore,
      });
      return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
    });

export const handler = lazyHandler(() => handlerFor({ ...aws.dispatch(), requests: aws.requests() }));
