import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod/mini';
import type { DeliveryQueueName } from '../../lambdas/contracts/delivery-queues.ts';
import { deliveryQueueNames } from './delivery-queue-definitions.ts';

/** The local SQS's queue for deliveries that failed for good: the delivery-failures queue's part. */
export const DELIVERY_FAILURES_QUEUE = 'delivery-failures';

/** Where the delivery pipeline's queues are, what `sanctions-watch redrive` reads and moves messages between. */
export interface QueueAddresses {
  /** The SQS endpoint to send to instead of AWS's: the local one. */
  readonly endpoint?: string;
  readonly region: string;
  /** Each delivery queue's URL and its dead-letter queue's. */
  readonly queues: Readonly<Record<DeliveryQueueName, { readonly url: string; readonly dlqUrl: string }>>;
  /** The delivery-failures queue, where failures are parked with their jobs. */
  readonly failures: string;
}

const queuePair = z.object({ url: z.string(), dlqUrl: z.string() });
const addressesSchema = z.object({
  endpoint: z.optional(z.string()),
  region: z.string(),
  queues: z.object({ waves: queuePair, shards: queuePair, email: queuePair, sms: queuePair }),
  failures: z.string(),
});

/** The local SQS's queues, from what it knows of them. */
export const localQueueAddresses = (sqs: {
  readonly endpoint: string;
  queueUrl(name: string): string;
  dlqUrl(name: string): string;
}): QueueAddresses => ({
  endpoint: sqs.endpoint,
  region: 'local',
  queues: Object.fromEntries(
    deliveryQueueNames.map((name) => [name, { url: sqs.queueUrl(name), dlqUrl: sqs.dlqUrl(name) }]),
  ) as QueueAddresses['queues'],
  failures: sqs.queueUrl(DELIVERY_FAILURES_QUEUE),
});

/**
 * Where `npm start` writes its queues' addresses: beside its data directory, as the stream
 * checkpoints are, so two services with their own data (the tests') never share one.
 */
export const localQueueAddressesFile = (dataDirectory: string): string => `${dataDirectory}-queues.json`;

/** `npm start`'s data directory when not told another (`--data`), where the CLI looks by default. */
export const defaultDataDirectory = (projectRoot: string): string => join(projectRoot, '.local', 'dynamodb');

/** `npm start` writes where its queues are (their port is the system's pick), so the CLI can find them. */
export const writeQueueAddresses = (file: string, addresses: QueueAddresses): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(addresses, null, 2)}\n`);
};

export const readQueueAddresses = (file: string): QueueAddresses => {
  const parsed = addressesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not say where the queues are: ${parsed.error.message}`);
  return parsed.data;
};
