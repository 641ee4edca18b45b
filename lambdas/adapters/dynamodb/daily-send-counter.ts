import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DailySendCounter } from '../../core/ports/stores.ts';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import { contactPartition } from './contact-key.ts';

/** Kept a day past its own, then removed by TTL. */
const KEEP_SECONDS = 2 * 86_400;

const counterKey = (contact: string, day: IsoDate) => ({ PK: contactPartition(contact), SK: `SENT#${day}` });

/** Messages per contact per UTC day: `CONTACT#<hash>` / `SENT#<day>`, counted with a conditional ADD so concurrent senders cannot overshoot. */
export class DynamoDailySendCounter implements DailySendCounter {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async take(contact: string, day: IsoDate, cap: number): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: counterKey(contact, day),
          UpdateExpression: 'SET itemType = :itemType, expiresAt = :expiresAt ADD sent :one',
          ConditionExpression: 'attribute_not_exists(sent) OR sent < :cap',
          ExpressionAttributeValues: {
            ':itemType': 'send-count',
            ':expiresAt': Math.floor(Date.parse(day) / 1000) + KEEP_SECONDS,
            ':one': 1,
            ':cap': cap,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async release(contact: string, day: IsoDate): Promise<void> {
    await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: counterKey(contact, day),
          UpdateExpression: 'ADD sent :minusOne',
          ConditionExpression: 'sent > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}
