import type { SQSClient } from '@aws-sdk/client-sqs';
import type { WaveAnnouncement } from '../../core/delivery/delivery-job.ts';
import type { WaveAnnouncer } from '../../core/ports/delivery-pipeline.ts';
import { sendMessageBatches } from './send-message-batches.ts';

/** Each wave id as one message on the wave queue, whose delay is the grouping window. */
export class SqsWaveAnnouncer implements WaveAnnouncer {
  readonly #sqs: SQSClient;
  readonly #queueUrl: string;

  constructor(sqs: SQSClient, queueUrl: string) {
    this.#sqs = sqs;
    this.#queueUrl = queueUrl;
  }

  announce(waveIds: readonly string[]): Promise<void> {
    return sendMessageBatches(
      this.#sqs,
      this.#queueUrl,
      waveIds.map((waveId): WaveAnnouncement => ({ waveId })),
    );
  }
}
