import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** Where a received message goes: to a queue (by name, for the table, and URL), as it is or rewritten; or it stays, and why. */
export type Destination =
  | {
      readonly kind: 'move';
      readonly queue: string;
      readonly url: string;
      readonly body: string;
      readonly attributes?: Record<string, MessageAttributeValue>;
    }
  | { readonly kind: 'keep'; readonly reason: string };

/** How many messages went (or, in a dry run, would go) where: a queue's name, or `kept: <reason>`. */
export type Tally = Map<string, number>;

export type Received = Message & { readonly MessageId: string; readonly ReceiptHandle: string };

/** SQS's own limit on the entries of a batch request and the messages of one receive. */
const BATCH = 10;
/** Long enough to move a batch: a message received and not yet moved stays hidden from the queue's other readers. */
const HOLD_SECONDS = 60;
/** What is left in place is visible again this soon. */
const RELEASE_SECONDS = 1;
/** A long poll, which asks every SQS server, so an empty answer means an empty queue (a short poll samples a few). */
const WAIT_SECONDS = 1;

export const count = (tally: Tally, key: string, by = 1) => tally.set(key, (tally.get(key) ?? 0) + by);

/**
 * Receives every message of the queue at `from` once, batch by batch, and hands each batch to
 * `handle`, which deletes what it dealt with and returns the receipt handles of what stays. Those
 * are made visible again a second after the end. Each message is handled once per run, even if it
 * shows up again.
 */
export const forEachReceived = async (
  sqs: SQSClient,
  from: string,
  handle: (batch: readonly Received[]) => Promise<readonly string[]>,
): Promise<void> => {
  const seen = new Set<string>();
  const release: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: from,
        MaxNumberOfMessages: BATCH,
        WaitTimeSeconds: WAIT_SECONDS,
        VisibilityTimeout: HOLD_SECONDS,
        MessageAttributeNames: ['All'],
      }),
    );
    const fresh = Messages.flatMap(({ MessageId, ReceiptHandle, ...rest }): Received[] =>
      MessageId === undefined || ReceiptHandle === undefined || seen.has(MessageId)
        ? []
        : [{ ...rest, MessageId, ReceiptHandle }],
    );
    if (fresh.length === 0) break;
    for (const { MessageId } of fresh) seen.add(MessageId);
    release.push(...(await handle(fresh)));
  }
  for (let start = 0; start < release.length; start += BATCH)
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: from,
        Entries: release.slice(start, start + BATCH).map((ReceiptHandle, index) => ({
          Id: String(index),
          ReceiptHandle,
          // Not 0: fauxqs 2.4.1 with persistence (npm start's) loses a message set to 0 (local/queues/fauxqs-visibility.ts).
          VisibilityTimeout: RELEASE_SECONDS,
        })),
      }),
    );
};

/** Deletes these received messages from the queue at `from`. */
export const deleteReceived = async (sqs: SQSClient, from: string, done: readonly Received[]): Promise<void> => {
  if (done.length > 0)
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: from,
        Entries: done.map(({ ReceiptHandle }, index) => ({ Id: String(index), ReceiptHandle })),
      }),
    );
};

/**
 * Moves every message of the queue at `from` where `route` says, as SQS's own redrive does but on
 * any SQS API (fauxqs too): receive, send to the destination, then delete from the source, so a
 * crash in between leaves a copy at both ends rather than none (the senders' claims absorb a
 * duplicated job). What stays, what a send refused, and everything in a dry run is made visible
 * again a second after the end.
 */
export const moveMessages = async (
  sqs: SQSClient,
  from: string,
  route: (message: Message) => Destination,
  options: { readonly dryRun: boolean },
): Promise<Tally> => {
  const tally: Tally = new Map();
  await forEachReceived(sqs, from, async (fresh) => {
    const release: string[] = [];
    const moves = new Map<
      string,
      { readonly message: Received; readonly destination: Destination & { kind: 'move' } }[]
    >();
    for (const message of fresh) {
      const destination = route(message);
      if (destination.kind === 'keep' || options.dryRun) {
        count(tally, destination.kind === 'keep' ? `kept: ${destination.reason}` : destination.queue);
        release.push(message.ReceiptHandle);
        continue;
      }
      moves.set(destination.url, [...(moves.get(destination.url) ?? []), { message, destination }]);
    }
    for (const [url, batch] of moves) {
      const { Failed = [] } = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: batch.map(({ destination }, index) => ({
            Id: String(index),
            MessageBody: destination.body,
            ...(destination.attributes === undefined ? {} : { MessageAttributes: destination.attributes }),
          })),
        }),
      );
      const failed = new Set(Failed.map(({ Id }) => Id));
      const sent = batch.filter((_, index) => !failed.has(String(index)));
      for (const { destination } of sent) count(tally, destination.queue);
      if (failed.size > 0) count(tally, 'kept: the destination refused it', failed.size);
      release.push(
        ...batch.flatMap(({ message }, index) => (failed.has(String(index)) ? [message.ReceiptHandle] : [])),
      );
      await deleteReceived(
        sqs,
        from,
        sent.map(({ message }) => message),
      );
    }
    return release;
  });
  return tally;
};
