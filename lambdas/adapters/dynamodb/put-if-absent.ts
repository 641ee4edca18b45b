import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey, ItemType } from './stored-item.ts';

/** Writes an item only if its key is free; reports whether it was written. */
export const putIfAbsent = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  item: ItemKey & { readonly itemType: ItemType } & Record<string, unknown>,
): Promise<boolean> => {
  try {
    await client.send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};
