import type { MessageVisibility } from '../../core/ports/delivery-pipeline.ts';
import type { SqsCalls } from './sqs-calls.ts';

/** A received message's visibility timeout on its queue, changed through its receipt handle. */
export class SqsMessageVisibility implements MessageVisibility {
  readonly #sqs: SqsCalls;
  readonly #queueUrl: string;

  constructor(sqs: SqsCalls, queueUrl: string) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
  }

  async returnAfter(receiptHandle: string, seconds: number): Promise<void> {
    await this.#sqs.changeMessageVisibility({
      QueueUrl: this.#queueUrl,
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: seconds,
    });
  }
}
