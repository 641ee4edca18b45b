import type { DynamoDBRecord } from 'aws-lambda';
import { changeDetectionStream } from '../lambdas/contracts/streams.ts';
import { startStreamPoller } from './stream-poller.ts';

/**
 * Every record the table's stream holds that change detection would be handed (same filter),
 * in stream order: real records to feed the processor by hand, for tests and the bench.
 */
export const readChangeRecords = async (endpoint: string, tableName: string): Promise<DynamoDBRecord[]> => {
  const records: DynamoDBRecord[] = [];
  const poller = await startStreamPoller({
    endpoint,
    tableName,
    settings: changeDetectionStream,
    pollIntervalMs: 20,
    handler: async (event) => void records.push(...event.Records),
    onFailure: () => undefined,
  });
  await poller.idle();
  await poller.stop();
  return records;
};
