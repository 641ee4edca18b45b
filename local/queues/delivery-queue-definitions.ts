import { type DeliveryQueueName, deliveryQueues } from '../../lambdas/contracts/delivery-queues.ts';
import type { QueueConsumerSettings, QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';

/** In the order work flows through them, which is the order their idleness is awaited in. */
export const deliveryQueueNames: readonly DeliveryQueueName[] = ['waves', 'shards', 'email', 'sms'];

export interface DeliveryQueueOverrides {
  /** The wave queue's delay: the grouping window. */
  readonly waveDelaySeconds?: number;
  /**
   * Every queue's visibility timeout (how long a message handed back, or held by a process that
   * died, waits before it comes again), with function timeouts cut to fit: for the fault tests,
   * which cannot wait out AWS's minutes.
   */
  readonly retrySeconds?: number;
}

/** One queue's settings as the stack declares them, with the local overrides applied. */
export const deliveryQueueSettings = (
  name: DeliveryQueueName,
  overrides: DeliveryQueueOverrides = {},
): QueueConsumerSettings => {
  const declared: QueueConsumerSettings = deliveryQueues[name];
  const delayed =
    name === 'waves' && overrides.waveDelaySeconds !== undefined
      ? { ...declared, delaySeconds: overrides.waveDelaySeconds }
      : declared;
  const { retrySeconds } = overrides;
  return retrySeconds === undefined
    ? delayed
    : {
        ...delayed,
        visibilityTimeoutSeconds: retrySeconds,
        timeoutSeconds: Math.min(delayed.timeoutSeconds, retrySeconds),
      };
};

/** The delivery pipeline's queues as the stack declares them, with the local overrides applied. */
export const deliveryQueueDefinitions = (overrides: DeliveryQueueOverrides = {}): QueueDefinition[] =>
  deliveryQueueNames.map((name) => ({ name, settings: deliveryQueueSettings(name, overrides) }));
