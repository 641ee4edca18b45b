import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import { logger as processLogger } from '../../lambdas/adapters/logger.ts';
import { readBatchItemFailures } from '../batch-item-failures.ts';
import { localLambdaContext } from '../lambda-context.ts';
import { type MappingSettings, mappingProblems } from './mapping-rules.ts';
import { toLambdaRecord } from './sqs-record.ts';

export interface QueuePollerOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
  /** Typed by aws-lambda's handler result: a batch response or nothing. */
  readonly handler: (event: SQSEvent, context: Context) => ReturnType<SQSHandler>;
  /** The event source mapping's settings (a QueueConsumerSettings fits). */
  readonly settings: MappingSettings;
  readonly functionName?: string;
  /** Overrides the settings' batching window, e.g. to keep tests quick; the settings' value when absent. */
  readonly batchingWindowMs?: number;
  /**
   * How long one ReceiveMessage waits for a message. Lambda long-polls for 20 s; here a wait only
   * delays stop(), as the emulator answers as soon as a message arrives. 1 s when absent.
   */
  readonly waitTimeSeconds?: number;
  /** Pause between polls within a batching window, between idle() checks, and after a failed poll. */
  readonly pollIntervalMs?: number;
  readonly logger?: Pick<typeof processLogger, 'warn' | 'error'>;
}

export interface QueuePoller {
  /**
   * Resolves once the queue holds no message (visible, in flight or delayed) and no invocation
   * runs: everything sent before has been handled, or has gone to the dead-letter queue.
   */
  idle(): Promise<void>;
  /** idle(), then stop(). */
  drain(): Promise<void>;
  /** Stops receiving; resolves once the invocations in flight have finished and their messages are deleted. */
  stop(): Promise<void>;
}

/** ReceiveMessage's own maximum; larger batches are gathered from several receives. */
const MAX_MESSAGES_PER_RECEIVE = 10;
/** DeleteMessageBatch's own maximum. */
const MAX_ENTRIES_PER_DELETE = 10;

const QUEUE_COUNTS = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/**
 * Lambda's SQS event source mapping, locally: `maximumConcurrency` pollers each long-poll the
 * queue, gather up to `batchSize` messages within the batching window, invoke `handler` with an
 * SQS event and a context that counts down from the function's timeout, then delete what
 * succeeded. Messages the function reports as failed, and whole batches whose invocation threw,
 * timed out or answered with an unknown item, are left alone: SQS shows them again after the
 * visibility timeout, and moves them to the dead-letter queue after maxReceiveCount receives.
 */
export const startQueuePoller = async (options: QueuePollerOptions): Promise<QueuePoller> => {
  const { client, queueUrl, settings } = options;
  const log = options.logger ?? processLogger;
  const functionName = options.functionName ?? 'queue-consumer';
  const waitTimeSeconds = options.waitTimeSeconds ?? 1;
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const batchingWindowMs = options.batchingWindowMs ?? settings.maxBatchingWindowSeconds * 1000;
  const timeoutMs = settings.timeoutSeconds * 1000;

  const { Attributes = {} } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['QueueArn', 'FifoQueue', 'VisibilityTimeout'],
    }),
  );
  const arn = Attributes.QueueArn;
  if (arn === undefined) throw new Error(`Queue ${queueUrl} has no ARN`);
  const problems = mappingProblems(settings, {
    fifo: Attributes.FifoQueue === 'true',
    visibilityTimeoutSeconds: Number(Attributes.VisibilityTimeout),
  });
  if (problems.length > 0) throw new Error(`Lambda would refuse this event source mapping: ${problems.join('; ')}`);
  const source = { arn, region: await client.config.region() };

  let stopping = false;
  /** Pollers between receiving a batch and having deleted what succeeded. */
  let invoking = 0;

  const receive = async (maxMessages: number, waitSeconds: number): Promise<Message[]> => {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: maxMessages,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    return Messages;
  };

  /**
   * Long-polls until a message arrives, then, as Lambda's batching window, keeps receiving until
   * the batch is full or the window closes. Received messages are always invoked, even when
   * stopping: giving them back would count a receive against maxReceiveCount for nothing.
   */
  const gather = async (): Promise<Message[]> => {
    const batch: Message[] = [];
    let windowEnds: number | undefined;
    while (batch.length < settings.batchSize) {
      if (windowEnds === undefined && stopping) break;
      let received: Message[];
      try {
        received = await receive(
          Math.min(MAX_MESSAGES_PER_RECEIVE, settings.batchSize - batch.length),
          windowEnds === undefined ? waitTimeSeconds : 0,
        );
      } catch (error) {
        if (batch.length === 0) throw error;
        log.warn('Queue poll failed; invoking with the batch gathered so far', { queueUrl, error });
        break;
      }
      batch.push(...received);
      if (batch.length === 0) {
        // Short polling (a wait of 0) answers at once: pause, or this loop would spin.
        if (waitTimeSeconds === 0) await sleep(pollIntervalMs);
        continue;
      }
      windowEnds ??= Date.now() + batchingWindowMs;
      const remainingMs = windowEnds - Date.now();
      if (remainingMs <= 0 || stopping) break;
      if (received.length === 0) await sleep(Math.min(pollIntervalMs, remainingMs));
    }
    return batch;
  };

  const remove = async (records: readonly SQSRecord[]) => {
    for (const chunk of chunks(records, MAX_ENTRIES_PER_DELETE)) {
      const { Failed = [] } = await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
      // A receipt handle past its visibility timeout may no longer delete: the message comes back, as in AWS.
      if (Failed.length > 0) log.warn('Queue messages not deleted; they will be delivered again', { queueUrl, Failed });
    }
  };

  const invoke = async (messages: readonly Message[]) => {
    const records = messages.map((message) => toLambdaRecord(message, source));
    const batch = { function: functionName, queueUrl, messages: records.length };
    const call = Promise.resolve().then(() =>
      // Lambda deserialises a fresh event for every invocation; a handler mutating it must not change what is deleted.
      options.handler({ Records: structuredClone(records) }, localLambdaContext(functionName, timeoutMs)),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), timeoutMs);
    });
    const outcome = await Promise.race([
      call.then(
        (response) => ({ response }),
        (error: unknown) => ({ error }),
      ),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome === 'timed out') {
      log.error('Queue function timed out; its batch returns after the visibility timeout', batch);
      // Lambda would end the run; this process cannot, so the poller keeps its concurrency slot until it settles.
      await call.catch(() => undefined);
      return;
    }
    if ('error' in outcome) {
      log.error('Queue function failed; its batch returns after the visibility timeout', {
        ...batch,
        error: outcome.error,
      });
      return;
    }
    const reported = readBatchItemFailures(
      outcome.response,
      records.map((record) => record.messageId),
    );
    if (reported.kind === 'whole-batch') {
      log.error('Queue function answered with unknown items; its batch returns after the visibility timeout', {
        ...batch,
        error: reported.error,
      });
      return;
    }
    const failed = new Set(reported.kind === 'items' ? reported.identifiers : []);
    if (failed.size > 0) {
      log.warn('Queue function reported failed messages; they return after the visibility timeout', {
        ...batch,
        failed: failed.size,
      });
    }
    await remove(records.filter((record) => !failed.has(record.messageId)));
  };

  const poll = async () => {
    while (!stopping) {
      try {
        const batch = await gather();
        if (batch.length === 0) continue;
        invoking += 1;
        try {
          await invoke(batch);
        } finally {
          invoking -= 1;
        }
      } catch (error) {
        log.warn('Queue poll failed; retrying', { queueUrl, error });
        if (!stopping) await sleep(pollIntervalMs);
      }
    }
  };
  // One poller per unit of maximum concurrency: each runs one invocation at a time, so no more run at once.
  const pollers = Array.from({ length: settings.maximumConcurrency }, poll);

  const queueEmpty = async () => {
    const counts = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: [...QUEUE_COUNTS] }),
    );
    return QUEUE_COUNTS.every((name) => counts.Attributes?.[name] === '0');
  };
  const idle = async () => {
    for (;;) {
      if (stopping) throw new Error('Queue poller stopped');
      // The counts first: a batch being invoked is in flight, so it is counted until deleted.
      if ((await queueEmpty()) && invoking === 0) return;
      await sleep(pollIntervalMs);
    }
  };
  const stop = async () => {
    stopping = true;
    await Promise.all(pollers);
  };

  return {
    idle,
    drain: async () => {
      await idle();
      await stop();
    },
    stop,
  };
};
