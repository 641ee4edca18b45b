import type { DeliveryFailure } from '../../core/delivery/delivery-records.ts';
import type { DeliveryFailureSink } from '../../core/ports/stores.ts';
import type { SqsCalls } from './sqs-calls.ts';

/**
 * Parks each failure in the alarmed queue where deliveries that failed for good wait for an
 * operator: one SQS message, the failure as JSON, with its code as an attribute to filter on.
 */
export class SqsFailureSink implements DeliveryFailureSink {
  readonly #sqs: SqsCalls;
  readonly #queueUrl: string;

  constructor(sqs: SqsCalls, queueUrl: string) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
  }

  async park(failure: DeliveryFailure): Promise<void> {
    await this.#sqs.sendMessage({
      QueueUrl: this.#queueUrl,
      MessageBody: JSON.stringify(failure),
      MessageAttributes: {
        code: { DataType: 'String', StringValue: failure.code },
        kind: { DataType: 'String', StringValue: failure.kind },
      },
    });
  }
}
