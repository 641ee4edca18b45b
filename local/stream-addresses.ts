import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod/mini';

/**
 * What `sanctions-watch redrive --queue streams` needs to run the stream consumers the way the
 * running service does: its table, its machine feed, and its stream failure file.
 */
export interface StreamAddresses {
  readonly dynamoDbEndpoint: string;
  readonly tableName: string;
  /** The machine feed (the AlertEvents topic's part). */
  readonly alertEventsFile: string;
  /** The consumers' on-failure destination: JSON lines of the batches they gave up on. */
  readonly failureFile: string;
}

const addressesSchema = z.object({
  dynamoDbEndpoint: z.string(),
  tableName: z.string(),
  alertEventsFile: z.string(),
  failureFile: z.string(),
});

/** Beside `npm start`'s data directory, as its queues' addresses are. */
export const localStreamAddressesFile = (dataDirectory: string): string => `${dataDirectory}-streams.json`;

/** The failure file `npm start` appends to, beside its data directory. */
export const localStreamFailureFile = (dataDirectory: string): string => `${dataDirectory}-stream-failures.jsonl`;

/** DynamoDB Local's port is the system's pick, so `npm start` writes it down for the CLI. */
export const writeStreamAddresses = (file: string, addresses: StreamAddresses): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(addresses, null, 2)}\n`);
};

export const readStreamAddresses = (file: string): StreamAddresses => {
  const parsed = addressesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not say where the stream consumers are: ${parsed.error.message}`);
  return parsed.data;
};
