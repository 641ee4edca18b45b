import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TestTable } from './test-table.ts';

/** Every item of the test table, read with a consistent scan, page by page. */
export const allItems = async (table: TestTable): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await table.documentClient.send(
      new ScanCommand({ TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/** The items any of whose keys or attributes holds `text` (an address, a number, an owner's id), wherever it sits. */
export const itemsHolding = async (table: TestTable, text: string): Promise<Record<string, unknown>[]> =>
  (await allItems(table)).filter((item) => JSON.stringify(item).includes(text));

/**
 * The item types docs/privacy.md lists as holding personal data: the backticked `itemType` in the
 * first cell of each row of its "Items that hold personal data" table.
 */
export const privacyListedItemTypes = (): Set<string> => {
  const doc = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  const section = doc.split(/^## /m).find((part) => part.startsWith('Items that hold personal data')) ?? '';
  return new Set(
    section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| item') && !line.startsWith('|---'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => match[1] ?? '')),
  );
};
