import {
  type MessageAttributeValue,
  PublishBatchCommand,
  type PublishBatchRequestEntry,
  SNSClient,
} from '@aws-sdk/client-sns';
import { ALERT_EVENTS_TOPIC_ARN_ENV } from '../../contracts/environment.ts';
import type { AlertEvent } from '../../core/alerts/alert-event.ts';
import { alertEventMessage } from '../../core/alerts/alert-event-message.ts';
import type { AlertEventPublisher } from '../../core/ports/alert-event-publisher.ts';
import { requiredEnv } from '../environment.ts';
import { logger } from '../logger.ts';
import { notifierErrorFrom } from './sns-errors.ts';

/**
 * PublishBatch's limits: 10 entries, and 256 KiB for the bodies and attributes of all of them
 * together (https://docs.aws.amazon.com/sdkfornet/v4/apidocs/items/SNS/MSNSPublishBatchPublishBatchRequest.html).
 */
const MAX_ENTRIES = 10;
const MAX_BATCH_BYTES = 262_144;

/** What SNS accepts as a batch entry's Id; event ids (22 base64url characters) always are. */
const VALID_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

interface Entry {
  readonly id: string;
  readonly request: PublishBatchRequestEntry;
  readonly bytes: number;
}

const entryOf = (event: AlertEvent): Entry => {
  const { body, attributes } = alertEventMessage(event);
  const message = JSON.stringify(body);
  const messageAttributes: Record<string, MessageAttributeValue> = {};
  let bytes = Buffer.byteLength(message);
  for (const [name, value] of Object.entries(attributes)) {
    messageAttributes[name] = { DataType: 'String', StringValue: value };
    bytes += Buffer.byteLength(name) + 'String'.length + Buffer.byteLength(value);
  }
  return { id: event.id, request: { Id: event.id, Message: message, MessageAttributes: messageAttributes }, bytes };
};

/** Batches of at most 10 entries and 256 KiB, in order. An entry over the limit alone goes in a batch of its own, for SNS to refuse. */
const batchesOf = (entries: readonly Entry[]): Entry[][] => {
  const batches: Entry[][] = [];
  let batch: Entry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length === MAX_ENTRIES || (batch.length > 0 && bytes + entry.bytes > MAX_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += entry.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
};

/**
 * The machine feed in AWS: each alert event is one message on the AlertEvents topic, sent with
 * PublishBatch. SNS delivers at least once, so subscribers tell events apart by `id`.
 */
export class SnsAlertEventPublisher implements AlertEventPublisher {
  readonly #sns: SNSClient;
  readonly #topicArn: string;

  constructor(sns: SNSClient, topicArn: string) {
    this.#sns = sns;
    this.#topicArn = topicArn;
  }

  async publish(events: readonly AlertEvent[]): Promise<{ failedIds: string[] }> {
    const failedIds: string[] = [];
    const entries: Entry[] = [];
    // One entry per id: SNS refuses a batch whose Ids repeat, and an event is one message however often it was read.
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      if (VALID_ENTRY_ID.test(event.id)) entries.push(entryOf(event));
      else {
        logger.error('alert event not published: its id cannot be a batch entry id', { eventId: event.id });
        failedIds.push(event.id);
      }
    }
    let holdBack = false;
    for (const batch of batchesOf(entries)) {
      const ids = batch.map(({ id }) => id);
      if (holdBack) {
        failedIds.push(...ids);
        continue;
      }
      try {
        const { Successful = [], Failed = [] } = await this.#sns.send(
          new PublishBatchCommand({
            TopicArn: this.#topicArn,
            PublishBatchRequestEntries: batch.map(({ request }) => request),
          }),
        );
        for (const { Id, Code, SenderFault, Message } of Failed) {
          logger.warn('alert event not published', {
            eventId: Id,
            code: Code,
            senderFault: SenderFault,
            message: Message,
          });
        }
        // Anything SNS did not report published, listed as failed or not listed at all, is tried again.
        const published = new Set(Successful.map(({ Id }) => Id));
        failedIds.push(...ids.filter((id) => !published.has(id)));
      } catch (error) {
        const failure = notifierErrorFrom(error, `PublishBatch to ${this.#topicArn}`);
        logger.warn('alert events not published', { eventIds: ids, code: failure.code, error });
        failedIds.push(...ids);
        // Throttled or unavailable after the SDK's own retries: the rest waits for the stream's retry instead of adding to the load.
        holdBack = failure.retryable;
      }
    }
    return { failedIds };
  }
}

/** The publisher the AWS composition root builds, on the topic the stack names (ALERT_EVENTS_TOPIC_ARN_ENV). */
export const createSnsAlertEventPublisher = (client: SNSClient = new SNSClient({})): SnsAlertEventPublisher =>
  new SnsAlertEventPublisher(client, requiredEnv(ALERT_EVENTS_TOPIC_ARN_ENV));
