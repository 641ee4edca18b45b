import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import type { WaveAnnouncer } from '../../core/ports/delivery-pipeline.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requestLogging } from '../request-logging.ts';
import { readAlertEventRecords } from './alert-event-record.ts';

/**
 * The announcer, on the table's stream: each wave that a batch of new alert events belongs to is
 * announced once per batch. However many stream shards carry a wave's events, and however often
 * it is announced, the planner plans it once; the wave queue's delay is the grouping window.
 * An event stored without a wave (none are, since waves exist) is poison, never dropped.
 */
export const handlerFor = (deps: { readonly announcer: WaveAnnouncer }) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(requestLogging())
    .handler(async (event) => {
      const { received, poison } = readAlertEventRecords(event.Records);
      const failures = [...poison];
      const waves = new Map<string, string[]>();
      for (const { sequenceNumber, event: alert } of received) {
        if (alert.waveId === undefined) {
          logger.error('alert event stored without a wave', { eventId: alert.id, sequenceNumber });
          failures.push(sequenceNumber);
          continue;
        }
        waves.set(alert.waveId, [...(waves.get(alert.waveId) ?? []), sequenceNumber]);
      }
      try {
        await deps.announcer.announce([...waves.keys()]);
      } catch (error) {
        logger.error('waves not announced', { waves: [...waves.keys()], error });
        failures.push(...[...waves.values()].flat());
      }
      logger.info('waves announced', {
        events: event.Records.length,
        waves: [...waves.keys()],
        failed: failures.length,
      });
      return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
    });

export const handler = lazyHandler(() => handlerFor({ announcer: aws.waveAnnouncer() }));
