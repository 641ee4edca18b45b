import type { DynamoDBStreamEvent, Context, DynamoDBBatchResponse } from 'aws-lambda';
import { appendFile } from 'node:fs/promises';
import { logger } from '../lambdas/adapters/logger.ts';
import { changeDetectionEntry, changeDetectionStream } from '../lambdas/handlers/stream/stream-processing-config.ts';
import { importHandler } from './import-handler.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';

type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

/**
 * The change-detection function fed by the table's stream with the settings of its AWS event
 * source mapping. Records that keep failing go to the failure file (the SQS queue's part), with
 * enough of the record to replay it.
 */
export const startStreamChangeDetection = async (options: {
  readonly projectRoot: string;
  readonly endpoint: string;
  readonly tableName: string;
  readonly checkpointFile: string | undefined;
  readonly failureFile: string | undefined;
}): Promise<StreamPoller> => {
  const handler = await importHandler<StreamHandler>(options.projectRoot, changeDetectionEntry);
  return startStreamPoller({
    endpoint: options.endpoint,
    tableName: options.tableName,
    handler,
    settings: changeDetectionStream,
    functionName: 'detect-changes',
    ...(options.checkpointFile === undefined ? {} : { checkpointFile: options.checkpointFile }),
    onFailure: async (failure) => {
      logger.error('stream records sent to the failure destination', { reason: failure.reason, records: failure.records.length, error: failure.error });
      if (options.failureFile) {
        const line = { at: new Date().toISOString(), ...failure, error: failure.error === undefined ? undefined : String(failure.error) };
        await appendFile(options.failureFile, `${JSON.stringify(line)}\n`);
      }
    },
  });
};
