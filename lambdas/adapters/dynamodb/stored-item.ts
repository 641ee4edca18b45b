import type * as z from 'zod/mini';
import { tableSchema } from '../../contracts/table-schema.ts';

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

/** Every item names its type, so stream filters and readers can tell items apart. */
export type ItemType =
  | 'obligation'
  | 'group'
  | 'metric'
  | 'report'
  | 'trigger'
  | 'figure'
  | 'figure-latest'
  | 'alert-event'
  | 'checker-memory'
  | 'watch'
  | 'watch-target'
  | 'watch-feed-key'
  | 'watch-counter'
  | 'contact'
  | 'suppression'
  | 'signup'
  | 'consent'
  | 'delivery'
  | 'delivery-log'
  | 'digest-entry'
  | 'send-count'
  | 'wave-plan'
  | 'message'
  | 'migration'
  | 'source-document'
  | 'source-watermark';

const keyAttributes = new Set<string>([
  tableSchema.partitionKey,
  tableSchema.sortKey,
  ...tableSchema.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  'itemType',
]);

/**
 * Reads a stored item back into its domain shape. An item that no longer fits (edited by hand in
 * the console, say) is an error that names the item, never a half-typed value.
 */
export const parseStoredItem = <T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>): T => {
  const body = Object.fromEntries(Object.entries(item).filter(([name]) => !keyAttributes.has(name)));
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Stored item ${String(item.PK)}/${String(item.SK)} is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
};
