import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Capacity units a client's writes consumed, as DynamoDB reports them (indexes included). */
export interface ConsumedCapacity {
  readonly writeUnits: () => number;
}

/** The commands as the middleware sees them, under the low-level names the document client sends. */
const WRITES: ReadonlySet<string> = new Set([
  'PutItemCommand',
  'BatchWriteItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
]);

type CapacityEntry = { readonly CapacityUnits?: number };

/**
 * Asks DynamoDB for `ReturnConsumedCapacity: TOTAL` on every write the client sends and adds up
 * what it answers: what a run would cost in on-demand write request units.
 */
export const measureConsumedCapacity = (client: DynamoDBClient | DynamoDBDocumentClient): ConsumedCapacity => {
  let units = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITES.has(context.commandName ?? '')) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: CapacityEntry | readonly CapacityEntry[] })
        .ConsumedCapacity;
      for (const entry of Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed])
        units += (entry as CapacityEntry).CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchConsumedCapacity' },
  );
  return { writeUnits: () => units };
};
