import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod/mini';
import { logger } from '../../adapters/logger.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import { requestLogging } from '../request-logging.ts';

/** What became of one message: `retry` hands it back to the queue, to come again after its visibility timeout. */
export interface QueueRecordOutcome {
  readonly status: string;
  readonly retry: boolean;
}

export interface QueueBatchOptions<T> {
  /** What a message is, for the logs. */
  readonly what: string;
  readonly schema: z.ZodMiniType<T>;
  /** Messages of one batch handled at once. */
  readonly concurrency: number;
  /** No message is started with less than this left of the invocation; it goes back unstarted. */
  readonly reserveMillis: number;
  readonly process: (message: T, record: SQSRecord) => Promise<QueueRecordOutcome>;
  /** What ties a failed message's log line to the alerts it carries (its wave, its alert event ids). @default nothing */
  readonly correlation?: (message: T) => Record<string, unknown>;
}

/** The body as the schema's type, or why not. */
const bodyOf = <T>(schema: z.ZodMiniType<T>, body: string): { readonly value: T } | { readonly problem: string } => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { problem: 'the body is not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
};

/**
 * An SQS consumer that reports partial batch failures: each message is parsed at the edge and
 * handled on its own; one that cannot be read, fails, or asks to be retried is handed back by its
 * id while the rest are deleted. An unreadable message comes back until the queue's receive count
 * moves it to the dead-letter queue, where its alarm fires: nothing is dropped.
 */
export const queueBatchHandler = <T>(options: QueueBatchOptions<T>) =>
  middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(requestLogging())
    .handler(async (event, context) => {
      const tally: Record<string, number> = {};
      const outcomes = await mapWithConcurrency(event.Records, options.concurrency, async (record) => {
        const context_ = { messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount };
        if (context.getRemainingTimeInMillis() < options.reserveMillis) return { status: 'not-started', retry: true };
        const body = bodyOf(options.schema, record.body);
        if ('problem' in body) {
          logger.error(`unreadable ${options.what}`, { ...context_, problem: body.problem });
          return { status: 'unreadable', retry: true };
        }
        try {
          return await options.process(body.value, record);
        } catch (error) {
          logger.error(`${options.what} failed`, { ...context_, ...options.correlation?.(body.value), error });
          return { status: 'error', retry: true };
        }
      });
      for (const { status } of outcomes) tally[status] = (tally[status] ?? 0) + 1;
      const failures = event.Records.filter((_, index) => outcomes[index]?.retry).map(({ messageId }) => ({
        itemIdentifier: messageId,
      }));
      logger.info(`${options.what} batch done`, {
        messages: event.Records.length,
        outcomes: tally,
        handedBack: failures.length,
      });
      return { batchItemFailures: failures };
    });
