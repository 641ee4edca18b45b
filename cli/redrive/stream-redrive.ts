// First, before the handlers create the logger: their INFO lines would drown the CLI's table.
import '../../local/default-log-level.ts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/document-client.ts';
import { tableStores } from '../../lambdas/adapters/dynamodb/table-stores.ts';
import { SqsWaveAnnouncer } from '../../lambdas/adapters/sqs/sqs-wave-announcer.ts';
import { systemClock } from '../../lambdas/adapters/system-clock.ts';
import { streamHandlers } from '../../local/handler-registry.ts';
import { localClientConfig } from '../../local/local-credentials.ts';
import { defaultMetricsFile, metricsFileOf } from '../../local/metrics-file.ts';
import { createOutboxAlertEventPublisher } from '../../local/outbox/alert-event-outbox.ts';
import type { QueueAddresses } from '../../local/queues/queue-addresses.ts';
import type { StreamAddresses } from '../../local/stream-addresses.ts';
import { redriveStreamFailures } from '../../local/stream-failure-redrive.ts';
import type { RedriveRow } from './redrive.ts';

/**
 * Replays the local stream consumers' failed batches with the consumers built here over the
 * running service's table, wave queue and machine feed: the handlers `npm start` runs, without
 * the rest of it. Rows as the queues' redrive tabulates them.
 */
export const redriveLocalStreams = async (
  streams: StreamAddresses,
  queues: QueueAddresses,
  options: { readonly dryRun: boolean },
): Promise<RedriveRow[]> => {
  const documentClient = createDocumentClient(streams.dynamoDbEndpoint);
  const sqs = new SQSClient({
    ...localClientConfig,
    region: queues.region,
    ...(queues.endpoint === undefined ? {} : { endpoint: queues.endpoint }),
  });
  try {
    const handlers = streamHandlers({
      ...tableStores(documentClient, streams.tableName),
      clock: systemClock,
      // Beside the machine feed, where the running service writes its own.
      serviceMetrics: metricsFileOf(defaultMetricsFile(streams.alertEventsFile)),
      announcer: new SqsWaveAnnouncer(sqs, queues.queues.waves.url),
      alertEventPublisher: createOutboxAlertEventPublisher({
        file: streams.alertEventsFile,
        now: () => new Date(),
        print: () => undefined,
      }),
    });
    const tally = await redriveStreamFailures(streams.failureFile, handlers, { ...options, now: new Date() });
    const from = 'stream-failures';
    return tally.size === 0
      ? [{ from, to: '(empty)', count: 0 }]
      : [...tally].map(([to, count]) => ({ from, to, count }));
  } finally {
    sqs.destroy();
    documentClient.destroy();
  }
};
