import type { QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';
import { type LocalSqs, startLocalSqs } from './local-sqs.ts';
import { type QueuePoller, type QueuePollerOptions, startQueuePoller } from './queue-poller.ts';

/** One SQS-fed function: the name of its queue's definition, and its handler. */
export interface QueueConsumer {
  readonly queue: string;
  readonly handler: QueuePollerOptions['handler'];
  readonly functionName: string;
}

export interface LocalQueues extends Omit<LocalSqs, 'stop'> {
  /**
   * Starts a poller per function on its queue, with the settings of the queue's definition. Called
   * once the queues are up, because the handlers' dependencies need `endpoint` and `queueUrl`.
   */
  consume(consumers: readonly QueueConsumer[]): Promise<void>;
  /**
   * Resolves once every consumed queue, in the order consume() was given them, is empty and its
   * function idle: a queue fed by an earlier one's function (shard jobs, then sends) is awaited
   * after the one feeding it.
   */
  idle(): Promise<void>;
  /** Stops the pollers (each finishes what it is invoking), then the queues. */
  stop(): Promise<void>;
}

/**
 * The SQS half of the local runtime: the queues as the stack declares them, then a poller per
 * function reading its queue with the settings of its event source mapping.
 */
export const startLocalQueues = async (options: {
  readonly queues: readonly QueueDefinition[];
  /** See startLocalSqs. */
  readonly plainQueues?: readonly string[];
  readonly port?: number;
  /** See startLocalSqs. */
  readonly dataDirectory?: string;
  /** Overrides of the pollers' defaults for every queue (tests shorten the polls). */
  readonly polling?: Pick<QueuePollerOptions, 'waitTimeSeconds' | 'pollIntervalMs' | 'batchingWindowMs'>;
}): Promise<LocalQueues> => {
  const sqs = await startLocalSqs({
    queues: options.queues,
    ...(options.plainQueues === undefined ? {} : { plainQueues: options.plainQueues }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.dataDirectory === undefined ? {} : { dataDirectory: options.dataDirectory }),
  });
  const definitions = new Map(options.queues.map((queue) => [queue.name, queue]));
  const pollers: QueuePoller[] = [];
  const stopPollers = async () => {
    await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
  };
  return {
    endpoint: sqs.endpoint,
    client: sqs.client,
    queueUrl: sqs.queueUrl,
    dlqUrl: sqs.dlqUrl,
    consume: async (consumers) => {
      try {
        for (const { queue, handler, functionName } of consumers) {
          const definition = definitions.get(queue);
          if (definition === undefined) throw new Error(`No local queue named ${queue}`);
          pollers.push(
            await startQueuePoller({
              ...options.polling,
              client: sqs.client,
              queueUrl: sqs.queueUrl(queue),
              settings: definition.settings,
              handler,
              functionName,
            }),
          );
        }
      } catch (error) {
        // All or none: a function left out would let its queue fill up unnoticed.
        await stopPollers();
        throw error;
      }
    },
    idle: async () => {
      for (const poller of pollers) await poller.idle();
    },
    stop: async () => {
      await stopPollers();
      await sqs.stop();
    },
  };
};
