import type { DeliveryFailure } from '../core/delivery/delivery-records.ts';
import type { ServiceMetrics } from '../core/ports/service-metrics.ts';
import type { DeliveryFailureSink } from '../core/ports/stores.ts';
import type { JsonLogger } from './logger.ts';

/**
 * Where a message sent outside the delivery pipeline (a watch's test message) goes once the
 * provider refused it for good. Such a failure carries no job, so `redrive` cannot replay it; in
 * the delivery-failures queue it only held the queue's alarm up until SQS dropped it 14 days
 * later. It is logged instead, with its context (the contact's key, never the address), and
 * counted in MessagesFailed, whose alarm tells the operator (docs/runbook.md). The functions that
 * send outside the pipeline (the notifying routes) then need no SQS client at all.
 */
export class LoggedFailureSink implements DeliveryFailureSink {
  readonly #logger: Pick<JsonLogger, 'error'>;
  readonly #metrics: ServiceMetrics;

  constructor(logger: Pick<JsonLogger, 'error'>, metrics: ServiceMetrics) {
    this.#logger = logger;
    this.#metrics = metrics;
  }

  async park(failure: DeliveryFailure): Promise<void> {
    this.#logger.error('delivery failed for good', { failure });
    this.#metrics.record('messagesFailed', failure.channel);
  }
}
