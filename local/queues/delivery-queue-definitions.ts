import { type DeliveryQueueName, deliveryQueues } from '../../lambdas/contracts/delivery-queues.ts';
import type { QueueDefinition } from '../../lambdas/contracts/queue-consumer.ts';

/** In the order work flows through them, which is the order their idleness is awaited in. */
export const deliveryQueueNames: readonly DeliveryQueueName[] = ['waves', 'shards', 'email', 'sms'];

/** The delivery pipeline's queues as the stack declares them; the wave queue's delay (the grouping window) may be shortened. */
export const deliveryQueueDefinitions = (options: { readonly waveDelaySeconds?: number }): QueueDefinition[] =>
  deliveryQueueNames.map((name) => ({
    name,
    settings:
      name === 'waves' && options.waveDelaySeconds !== undefined
        ? { ...deliveryQueues.waves, delaySeconds: options.waveDelaySeconds }
        : deliveryQueues[name],
  }));
