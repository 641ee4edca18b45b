import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';

/** TransactWriteItems' limit per request. */
const MAX_TRANSACTION_ITEMS = 100;
/** Puts in flight at once when a chunk goes one by one. */
const ONE_BY_ONE_CONCURRENCY = 16;

type ConditionalPut = PutCommandInput & { readonly ConditionExpression: string };

/** One conditional put: true if it wrote, false if its condition found the item there. */
const putOne = async (client: DynamoDBDocumentClient, put: ConditionalPut): Promise<boolean> => {
  try {
    await client.send(new PutCommand(put));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * A chunk's puts as one transaction. When it is cancelled, the puts whose condition failed are
 * dropped (those items were there) and the rest tried again as one; a cancellation for any other
 * reason (a concurrent transaction on an item) sends the rest one by one. A single put goes as a
 * plain put: a transaction of one would only cost twice the write units.
 */
const putChunk = async (client: DynamoDBDocumentClient, puts: readonly ConditionalPut[]): Promise<boolean[]> => {
  const written = puts.map(() => false);
  let pending = puts.map((put, index) => ({ put, index }));
  while (pending.length > 1) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: pending.map(({ put }) => ({ Put: put })) }));
      for (const { index } of pending) written[index] = true;
      return written;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const absent = pending.filter((_, position) => reasons[position]?.Code !== 'ConditionalCheckFailed');
      if (absent.length === pending.length) break;
      pending = absent;
    }
  }
  await mapWithConcurrency(pending, ONE_BY_ONE_CONCURRENCY, async ({ put, index }) => {
    written[index] = await putOne(client, put);
  });
  return written;
};

/**
 * Writes each item unless its condition fails, in transactions of up to 100 puts: one request
 * for what took a hundred. Says, put by put, which ones wrote. A transaction costs twice the write
 * units of plain puts, which the requests saved outweigh for the few hundred items a call writes.
 */
export const putEachIfAbsent = async (
  client: DynamoDBDocumentClient,
  puts: readonly ConditionalPut[],
): Promise<boolean[]> => {
  const chunks = Array.from({ length: Math.ceil(puts.length / MAX_TRANSACTION_ITEMS) }, (_, index) =>
    puts.slice(index * MAX_TRANSACTION_ITEMS, (index + 1) * MAX_TRANSACTION_ITEMS),
  );
  return (await mapWithConcurrency(chunks, 4, (chunk) => putChunk(client, chunk))).flat();
};
