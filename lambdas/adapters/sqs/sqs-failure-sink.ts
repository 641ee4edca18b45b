import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryFailure } from '../../core/delivery/delivery-records.ts';
import type { DeliveryFailureSink } from '../../core/ports/stores.ts';

/**
 * Parks each failure in the alarmed queue where deliveries that failed for good wait for an
 * operator: one SQS message, the failure as JSON, with its code as an attribute to filter on.
 */
export class SqsFailureSink implements DeliveryFailureSink {
  readonly #sqs: SQSClient;
  readonly #queueUrl: string;

  constructor(sqs: SQSClient, queueUrl: string) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
  }

  async park(failure: DeliveryFailure): Promise<void> {
    await this.#sqs.send(
      new SendMessageCommand({
        QueueUrl: this.#queueUrl,
        MessageBody: JSON.stringify(failure),
        MessageAttributes: {
          code: { DataType: 'String', StringValue: failure.code },
          kind: { DataType: 'String', StringValue: failure.kind },
        },
      }),
    );
  }
}
