import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../lambdas/adapters/logger.ts';
import { appendStreamFailure } from './stream-failure-file.ts';
import { type StreamPoller, type StreamPollerSettings, startStreamPoller } from './stream-poller.ts';

export type StreamLambda = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

/**
 * A stream-fed function (change detection, the dispatcher) with the settings of its AWS event
 * source mapping. Records that keep failing go to the failure file (the SQS queue's part), with
 * enough of the record to replay it.
 */
export const startStreamConsumer = async (options: {
  readonly handler: StreamLambda;
  readonly settings: StreamPollerSettings;
  readonly functionName: string;
  readonly endpoint: string;
  readonly tableName: string;
  readonly checkpointFile: string | undefined;
  readonly failureFile: string | undefined;
  /** Overrides the settings' batching window (tests shorten the dispatcher's 60 s). */
  readonly batchingWindowMs?: number;
}): Promise<StreamPoller> => {
  return startStreamPoller({
    endpoint: options.endpoint,
    tableName: options.tableName,
    handler: options.handler,
    settings: options.settings,
    functionName: options.functionName,
    ...(options.checkpointFile === undefined ? {} : { checkpointFile: options.checkpointFile }),
    ...(options.batchingWindowMs === undefined ? {} : { batchingWindowMs: options.batchingWindowMs }),
    onFailure: async (failure) => {
      logger.error('stream records sent to the failure destination', {
        function: options.functionName,
        reason: failure.reason,
        records: failure.records.length,
        error: failure.error,
      });
      if (options.failureFile) {
        await appendStreamFailure(options.failureFile, {
          at: new Date().toISOString(),
          function: options.functionName,
          ...failure,
          error: failure.error === undefined ? undefined : String(failure.error),
        });
      }
    },
  });
};
