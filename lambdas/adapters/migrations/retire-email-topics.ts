import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteTopicCommand, type SNSClient, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { Migration } from '../../core/migrations/migration.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { parseStoredItem } from '../dynamodb/stored-item.ts';
import { notifierErrorFrom } from '../sns/sns-errors.ts';
import { changeScannedPage } from './scan-page.ts';

/** Items read a page: a page's contacts each cost two SNS calls. */
const PAGE_ITEMS = 200;
/** SNS throttles Unsubscribe at 100 calls a second (its API reference); four at once stay well under. */
const CONTACTS_AT_ONCE = 4;

/** What this reads of a contact: its old SNS address, which the contact model no longer has. */
const topicContactSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    address: z.object({ topicArn: z.optional(z.string()), subscriptionArn: z.optional(z.string()) }),
  }),
);

/** Without ReturnSubscriptionArn, SNS once answered `pending confirmation` instead of an ARN. */
const isArn = (value: string | undefined): value is string => value?.startsWith('arn:') === true;

/** An SNS call whose target may be gone already: deleted by hand, or by an earlier run of this page. */
const unlessGone = async (context: string, call: () => Promise<unknown>): Promise<void> => {
  try {
    await call();
  } catch (error) {
    if (notifierErrorFrom(error, context).code !== 'not-found') throw error;
  }
};

/**
 * Email now goes through SES, not a topic per contact: each email contact that still names its
 * SNS topic and subscription loses them, and SNS loses the subscription and the topic (deleting a
 * topic that is gone is no error). The contact keeps its state: confirmed stays confirmed, pending
 * stays pending. SNS first, then the contact, so a run cut short in between leaves nothing behind
 * that a second run would not find. SMS contacts have no topic and are never touched.
 */
export const retireEmailTopics = (
  client: DynamoDBDocumentClient,
  tableName: string,
  sns: SNSClient,
  clock: Clock,
  pageItems = PAGE_ITEMS,
): Migration => ({
  id: '2026-12-email-contacts-off-sns-topics',
  description: "Deletes email contacts' SNS topics and subscriptions, and removes them from the contacts",
  page: (start) =>
    changeScannedPage(
      client,
      {
        TableName: tableName,
        FilterExpression: 'itemType = :contact AND #channel = :email AND attribute_exists(address)',
        ExpressionAttributeNames: { '#channel': 'channel' },
        ExpressionAttributeValues: { ':contact': 'contact', ':email': 'email' },
      },
      start,
      { limit: pageItems, atOnce: CONTACTS_AT_ONCE },
      async (item) => {
        const contact = parseStoredItem(topicContactSchema, item);
        const { subscriptionArn, topicArn } = contact.address;
        if (isArn(subscriptionArn))
          await unlessGone(`Unsubscribe for ${contact.id}`, () =>
            sns.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn })),
          );
        if (topicArn !== undefined) await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
        try {
          // On condition that it still names the topic just deleted; a new updatedAt makes a write
          // based on an earlier read (which would put the address back) a conflict.
          await client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { PK: item.PK, SK: item.SK },
              UpdateExpression: 'REMOVE address SET updatedAt = :now',
              ConditionExpression: 'address = :address',
              ExpressionAttributeValues: { ':address': item.address, ':now': clock.now().toISOString() },
            }),
          );
          return true;
        } catch (error) {
          // Deleted meanwhile, or given another address, which stands.
          if (error instanceof ConditionalCheckFailedException) return false;
          throw error;
        }
      },
    ),
});
