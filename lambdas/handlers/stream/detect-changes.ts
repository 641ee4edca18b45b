import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import { type ChangeDetectionDependencies, detectChange } from '../../core/changes/detect-changes.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requestLogging } from '../request-logging.ts';
import { classifyRecord } from './stored-change-from-record.ts';
import { PoisonRecordError } from './stream-image.ts';

/**
 * Change detection on the table's stream: a new report becomes `report.received`, a replaced
 * latest figure `figure.changed`, a newly found source proposal `source.proposal`, whoever wrote
 * them. Records are handled one at a time, in
 * stream order. A record that fails is reported by its sequence number (ReportBatchItemFailures):
 * Lambda then resumes from the lowest failed one, so later records are seen again, which the
 * events' dedup keys make harmless. Stored events reach the dispatcher through the same stream.
 */
export const handlerFor = (deps: ChangeDetectionDependencies) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(requestLogging())
    .handler(async (event) => {
      const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
      let emitted = 0;
      for (const record of event.Records) {
        const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
        const context = {
          eventId: record.eventID,
          eventName: record.eventName,
          sequenceNumber,
          keys: record.dynamodb?.Keys,
        };
        try {
          const classified = classifyRecord(record);
          if (classified.kind === 'skip') {
            logger.info('stream record skipped', { ...context, reason: classified.reason });
            continue;
          }
          const stored = await detectChange(classified.change, classified.waveId, deps);
          if (stored) emitted += 1;
        } catch (error) {
          logger.error(error instanceof PoisonRecordError ? 'poison stream record' : 'stream record failed', {
            ...context,
            error,
          });
          failures.push({ itemIdentifier: sequenceNumber });
        }
      }
      logger.info('stream batch done', { records: event.Records.length, emitted, failed: failures.length });
      return { batchItemFailures: failures };
    });

export const handler = lazyHandler(() => handlerFor(aws.changeDetection()));
