import type { QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';
import { type LocalSqs, startLocalSqs } from './local-sqs.ts';
import { type QueuePoller, type QueuePollerOptions, startQueuePoller } from './queue-poller.ts';

/** One SQS-fed function: its queue as the stack declares it, and its handler. */
export interface QueueConsumer {
  readonly queue: QueueDefinition;
  readonly handler: QueuePollerOptions['handler'];
  readonly functionName: string;
}

export interface LocalQueues extends Omit<LocalSqs, 'stop'> {
  /**
   * Resolves once every queue, taken in the order given, is empty and its function idle. A queue
   * fed by an earlier one's function (shard jobs, then sends) is awaited after the one feeding it.
   */
  idle(): Promise<void>;
  /** Stops the pollers (each finishes what it is invoking), then the queues. */
  stop(): Promise<void>;
}

/**
 * The SQS half of the local runtime: the queues, and a poller per function reading its queue with
 * the settings of its event source mapping. The handlers get the endpoint through their own
 * dependencies (an SQS client on `endpoint`), so they can be started before anything is sent.
 */
export const startLocalQueues = async (options: {
  readonly consumers: readonly QueueConsumer[];
  readonly port?: number;
  /** Overrides of the pollers' defaults for every queue (tests shorten the polls). */
  readonly polling?: Pick<QueuePollerOptions, 'waitTimeSeconds' | 'pollIntervalMs' | 'batchingWindowMs'>;
}): Promise<LocalQueues> => {
  const sqs = await startLocalSqs({
    queues: options.consumers.map((consumer) => consumer.queue),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  const pollers: QueuePoller[] = [];
  const stop = async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await sqs.stop();
  };
  try {
    for (const { queue, handler, functionName } of options.consumers) {
      pollers.push(
        await startQueuePoller({
          ...options.polling,
          client: sqs.client,
          queueUrl: sqs.queueUrl(queue.name),
          settings: queue.settings,
          handler,
          functionName,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint: sqs.endpoint,
    client: sqs.client,
    queueUrl: sqs.queueUrl,
    dlqUrl: sqs.dlqUrl,
    idle: async () => {
      for (const poller of pollers) await poller.idle();
    },
    stop,
  };
};
