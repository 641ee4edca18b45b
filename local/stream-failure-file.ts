import { appendFile, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { parseJsonAs } from '../lambdas/core/validation/parse-json.ts';
import type { StreamDeliveryFailure } from './batch-delivery.ts';

/**
 * One line of the local stream consumers' on-failure file (the SQS destination's part): the batch
 * a consumer gave up on, with its records, so `sanctions-watch redrive --queue streams` can replay it.
 */
export interface StreamFailureLine {
  readonly at: string;
  /** The consumer's function name: detect-changes, announce-waves, publish-alert-events. */
  readonly function: string;
  readonly reason: StreamDeliveryFailure['reason'];
  readonly records: DynamoDBRecord[];
  readonly attempts: number;
  readonly shardId: string;
  readonly error?: string;
}

const recordSchema = z.looseObject({
  dynamodb: z.optional(z.looseObject({ SequenceNumber: z.optional(z.string()) })),
});
const lineSchema = z.object({
  at: z.string(),
  function: z.string(),
  reason: z.enum(['RetryAttemptsExhausted', 'MaximumRecordAgeExceeded']),
  records: z.array(recordSchema),
  attempts: z.number(),
  shardId: z.string(),
  error: z.optional(z.string()),
});

export const appendStreamFailure = async (file: string, line: StreamFailureLine): Promise<void> =>
  appendFile(file, `${JSON.stringify(line)}\n`);

/** A line as written, or undefined for one that is not (kept as it is by redrive). */
export const parseStreamFailureLine = (text: string): StreamFailureLine | undefined => {
  const parsed = parseJsonAs(lineSchema, text);
  // The records are the ones the poller wrote: Lambda's stream records, checked only for what redrive reads.
  return parsed === undefined ? undefined : { ...parsed, records: parsed.records as DynamoDBRecord[] };
};

const claimPrefix = (file: string) => `${basename(file)}.redrive-`;

/**
 * Takes the failure file away from the running consumers for a redrive: renamed, so what they
 * append meanwhile starts a new file. Returns every claimed file, oldest first, with those an
 * interrupted redrive left behind.
 */
export const claimStreamFailures = async (file: string, now: Date): Promise<string[]> => {
  try {
    await rename(file, `${file}.redrive-${now.getTime()}-${process.pid}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return (await claimedFiles(file)).sort();
};

/** Files claimed by a redrive and not yet settled. */
const claimedFiles = async (file: string): Promise<string[]> => {
  try {
    return (await readdir(dirname(file)))
      .filter((name) => name.startsWith(claimPrefix(file)))
      .map((name) => join(dirname(file), name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

/** The failure file and any claimed ones, unclaimed: what a dry run looks at. */
export const pendingStreamFailureFiles = async (file: string): Promise<string[]> => [
  ...(await claimedFiles(file)).sort(),
  file,
];

/** The non-empty lines of a file; none when it does not exist. */
export const readLines = async (file: string): Promise<string[]> => {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

/** Settles a claimed file: what is still to replay goes back to the failure file, then the claim goes. */
export const settleClaimed = async (file: string, claimed: string, kept: readonly string[]): Promise<void> => {
  if (kept.length > 0) await appendFile(file, `${kept.join('\n')}\n`);
  await unlink(claimed);
};
