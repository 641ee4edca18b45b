import { readBatchItemFailures } from './batch-item-failures.ts';
import { localLambdaContext } from './lambda-context.ts';
import type { StreamLambda } from './stream-consumer.ts';
import { type StreamConsumerKey, streamConsumers } from './stream-consumers.ts';
import {
  claimStreamFailures,
  parseStreamFailureLine,
  pendingStreamFailureFiles,
  readLines,
  type StreamFailureLine,
  settleClaimed,
} from './stream-failure-file.ts';

/** Batches replayed, by consumer's function name, and kept (`kept: <reason>`), as redrive tabulates them. */
export type StreamRedriveTally = Map<string, number>;

type Outcome =
  | { readonly kind: 'replayed'; readonly functionName: string }
  | { readonly kind: 'kept'; readonly reason: string; readonly line: string };

const consumerOf = (functionName: string) =>
  (Object.entries(streamConsumers) as [StreamConsumerKey, (typeof streamConsumers)[StreamConsumerKey]][]).find(
    ([, consumer]) => consumer.functionName === functionName,
  );

/**
 * Invokes the batch's consumer with its records, as its event source mapping would, and reads the
 * answer as Lambda does: what the function reports failed, from the lowest failed record on, is
 * kept for the next redrive; the records before it are done.
 */
const replay = async (
  handlers: Readonly<Record<StreamConsumerKey, StreamLambda>>,
  text: string,
  failure: StreamFailureLine,
): Promise<Outcome> => {
  const consumer = consumerOf(failure.function);
  if (consumer === undefined) return { kind: 'kept', reason: `no consumer ${failure.function}`, line: text };
  const [key, { functionName, settings }] = consumer;
  const keep = (records: StreamFailureLine['records'], error: unknown): Outcome => ({
    kind: 'kept',
    reason: 'failed again',
    line: JSON.stringify({ ...failure, records, attempts: failure.attempts + 1, error: String(error) }),
  });
  let response: unknown;
  try {
    response = await handlers[key](
      { Records: structuredClone(failure.records) },
      localLambdaContext(functionName, settings.timeoutSeconds * 1000),
    );
  } catch (error) {
    return keep(failure.records, error);
  }
  const replayed: Outcome = { kind: 'replayed', functionName };
  if (!settings.reportBatchItemFailures) return replayed;
  const sequenceNumbers = failure.records.map((record) => record.dynamodb?.SequenceNumber ?? '');
  const reported = readBatchItemFailures(response, sequenceNumbers);
  if (reported.kind === 'none') return replayed;
  if (reported.kind === 'whole-batch') return keep(failure.records, reported.error);
  const from = Math.min(...reported.identifiers.map((identifier) => sequenceNumbers.indexOf(identifier)));
  return keep(failure.records.slice(from), `record ${sequenceNumbers[from]} reported as failed`);
};

const count = (tally: StreamRedriveTally, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/**
 * Replays every batch in the stream consumers' failure file through the consumer that gave up on
 * it (`handlers`: the same ones the local runtime runs), once the cause is fixed. A batch replayed
 * leaves the file; one that fails again, in part or whole, or cannot be read, stays. The file is
 * claimed first (renamed), so the running consumers' new failures are neither lost nor replayed
 * half-read; a claim an interrupted run left is replayed whole next time, which the consumers
 * absorb (alert events are stored and published by id, a wave is planned once). A dry run
 * replays nothing and counts what would be.
 */
export const redriveStreamFailures = async (
  file: string,
  handlers: Readonly<Record<StreamConsumerKey, StreamLambda>>,
  options: { readonly dryRun: boolean; readonly now: Date },
): Promise<StreamRedriveTally> => {
  const tally: StreamRedriveTally = new Map();
  if (options.dryRun) {
    for (const pending of await pendingStreamFailureFiles(file))
      for (const text of await readLines(pending)) {
        const failure = parseStreamFailureLine(text);
        if (failure === undefined) count(tally, 'kept: not a stream failure');
        else count(tally, consumerOf(failure.function) ? failure.function : `kept: no consumer ${failure.function}`);
      }
    return tally;
  }
  for (const claimed of await claimStreamFailures(file, options.now)) {
    const kept: string[] = [];
    for (const text of await readLines(claimed)) {
      const failure = parseStreamFailureLine(text);
      const outcome =
        failure === undefined
          ? ({ kind: 'kept', reason: 'not a stream failure', line: text } as const)
          : await replay(handlers, text, failure);
      if (outcome.kind === 'replayed') count(tally, outcome.functionName);
      else {
        kept.push(outcome.line);
        count(tally, `kept: ${outcome.reason}`);
      }
    }
    await settleClaimed(file, claimed, kept);
  }
  return tally;
};
