import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import type { ItemKey } from './stored-item.ts';

/** Kept a day past its own, then removed by TTL. */
const KEEP_SECONDS = 2 * 86_400;

/**
 * One unit more on a day's counter item, unless it reached `limit`: a conditional ADD, so
 * concurrent requests cannot overshoot. Says whether the unit was counted.
 */
export const takeDailyCount = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  key: ItemKey,
  day: IsoDate,
  limit: number,
): Promise<boolean> => {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET itemType = :itemType, expiresAt = :expiresAt ADD sent :one',
        ConditionExpression: 'attribute_not_exists(sent) OR sent < :limit',
        ExpressionAttributeValues: {
          ':itemType': 'send-count',
          ':expiresAt': Math.floor(Date.parse(day) / 1000) + KEEP_SECONDS,
          ':one': 1,
          ':limit': limit,
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** One unit less, never below zero. */
export const releaseDailyCount = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  key: ItemKey,
): Promise<void> => {
  await client
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD sent :minusOne',
        ConditionExpression: 'sent > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
};
