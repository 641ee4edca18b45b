import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import type { AlertEventPublisher } from '../../core/ports/alert-event-publisher.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requestLogging } from '../request-logging.ts';
import { readAlertEventRecords } from './alert-event-record.ts';

export interface PublishAlertEventsDependencies {
  readonly alertEventPublisher: AlertEventPublisher;
}

/**
 * The machine feed, fed by the table's stream: every stored alert event is published once as it
 * is inserted (the AlertEvents topic in AWS). Events the publisher could not take, and unreadable
 * records, are reported by sequence number: Lambda retries from the first of them, so events
 * after it are published again, which subscribers tell apart by `id`.
 */
export const handlerFor = (deps: PublishAlertEventsDependencies) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(requestLogging())
    .handler(async (event) => {
      const { received, poison } = readAlertEventRecords(event.Records);
      const { failedIds } =
        received.length === 0
          ? { failedIds: [] }
          : await deps.alertEventPublisher.publish(received.map(({ event: alert }) => alert));
      const failed = new Set(failedIds);
      const notPublished = received.filter(({ event: alert }) => failed.has(alert.id));
      logger.info('alert events published', {
        events: received.length,
        published: received.length - notPublished.length,
        notPublished: notPublished.length,
        poison: poison.length,
      });
      return {
        batchItemFailures: [...poison, ...notPublished.map(({ sequenceNumber }) => sequenceNumber)].map(
          (itemIdentifier) => ({ itemIdentifier }),
        ),
      };
    });

export const handler = lazyHandler(() => handlerFor(aws.alertEventPublishing()));
