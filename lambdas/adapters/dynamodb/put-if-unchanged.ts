import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../core/errors.ts';

/**
 * Puts `item` only if the stored one is still `previous` (same `updatedAt`), or, without
 * `previous`, only if none is stored: the optimistic lock of items that several requests change.
 * Fails with a `conflict` naming `what` otherwise.
 */
export const putIfUnchanged = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  previous: { readonly updatedAt: string } | undefined,
  what: string,
): Promise<void> => {
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ...(previous
          ? { ConditionExpression: 'updatedAt = :seen', ExpressionAttributeValues: { ':seen': previous.updatedAt } }
          : { ConditionExpression: 'attribute_not_exists(PK)' }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw conflict(`${what}-changed`, `The ${what} was changed by another request meanwhile; try again`);
    throw error;
  }
};
