import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeliveryJob } from '../../core/delivery/delivery-job.ts';
import type { DeliveryLogEntry } from '../../core/delivery/delivery-records.ts';
import type { MessageClaim, MessageRecords } from '../../core/ports/delivery-pipeline.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactKeyPartition } from './contact-key.ts';
import { deliveryLogWrites, eventRecordItem, expiresAt } from './delivery-log-items.ts';

/** Long enough that no redelivery or re-planning of the job can come back after its record is gone. */
const RECORD_DAYS = 400;

const messageKey = (job: Pick<DeliveryJob, 'dedupKey' | 'contactKey'>) => ({
  PK: contactKeyPartition(job.contactKey),
  SK: `MSG#${job.dedupKey}`,
});

/**
 * `CONTACT#<hash>` / `MSG#<dedupKey>`, one per (contact, wave part): `claimed` with a lease while
 * a sender works on it, then the outcome. The claim is a conditional put that fails when the
 * record is settled `sent`, `capped` (before 2026-12-05) or `skipped`, or another lease is running; the settled
 * record and the log entries under each watch go in one batch write. The settled record holds
 * the message's event ids; the log entries point at it rather than copy them (one write unit
 * each instead of two or more).
 */
export class DynamoMessageRecords implements MessageRecords {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async claim(
    job: Pick<DeliveryJob, 'dedupKey' | 'contactKey' | 'waveId'>,
    now: Date,
    leaseUntil: Date,
  ): Promise<MessageClaim> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            ...messageKey(job),
            itemType: 'message',
            status: 'claimed',
            waveId: job.waveId,
            leaseUntil: leaseUntil.getTime(),
            expiresAt: expiresAt(now.toISOString(), RECORD_DAYS),
          },
          // A record settled `failed` may be claimed again: its job was parked, and a replay of it is meant to send.
          ConditionExpression:
            'attribute_not_exists(PK) OR #status = :failed OR (#status = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': 'claimed', ':failed': 'failed', ':now': now.getTime() },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item?.status?.S === 'claimed' ? 'held' : 'done';
    }
  }

  async release(job: Pick<DeliveryJob, 'dedupKey' | 'contactKey'>): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: messageKey(job),
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: '#status = :claimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':claimed': 'claimed' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async settle(job: Pick<DeliveryJob, 'dedupKey' | 'contactKey'>, entry: DeliveryLogEntry): Promise<void> {
    await batchWriteAll(this.#client, this.#tableName, [
      {
        PutRequest: {
          Item: {
            ...messageKey(job),
            itemType: 'message',
            status: entry.status,
            at: entry.at,
            ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }),
            eventIds: entry.eventIds,
            expiresAt: expiresAt(entry.at, RECORD_DAYS),
          },
        },
      },
      ...deliveryLogWrites(entry, messageKey(job).SK),
      // A digest's or repeat's events are recorded one by one too: the hourly job plans only what a contact has not had.
      ...(entry.kind === 'alert' || entry.contact === ''
        ? []
        : entry.eventIds.map((eventId) => ({ PutRequest: { Item: eventRecordItem(entry, eventId) } }))),
    ]);
  }
}
