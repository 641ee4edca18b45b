import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ParamsAndSecretsLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueConsumerSettings } from '../../lambdas/contracts/queue-consumer.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import { BaseFunction } from './base-function.ts';
import { type QueueAlarmLimits, queueAlarm } from './queue-alarms.ts';

/**
 * A queue that should drain: a thousand waiting messages or a half-hour-old one means its consumer
 * is failing, throttled or starved of concurrency, when a wave normally clears in minutes.
 */
export const defaultQueueLimits = {
  maxDepth: 1000,
  maxAge: Duration.minutes(30),
  reason: 'Its consumer is failing, throttled or held to its maximum concurrency: a wave normally clears in minutes.',
} as const satisfies Omit<QueueAlarmLimits, 'description'>;

export interface QueueConsumerProps {
  /** Handler module relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** What the consumer does, for the function's, the queue's and the alarm's descriptions. */
  readonly description: string;
  /** The queue, its dead-letter queue and the event source mapping, as the local queue runtime reads them too. */
  readonly settings: QueueConsumerSettings;
  /** @default 512 */
  readonly memorySize?: number;
  /** The Parameters and Secrets extension, for a function that reads a secret. @default none */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** When the queue's depth and age alarms go off. @default defaultQueueLimits */
  readonly alarmLimits?: Omit<QueueAlarmLimits, 'description'>;
  /** Whether the function gets a duration alarm. @default long-running functions do (FunctionAlarms) */
  readonly durationAlarm?: boolean;
}

/**
 * An encrypted, TLS-only SQS queue with the function that consumes it: batches, batching window,
 * partial batch responses and maximum concurrency from the shared settings; what fails
 * `maxReceiveCount` times goes to an alarmed dead-letter queue beside it.
 */
export class QueueConsumer extends Construct {
  readonly queue: Queue;
  readonly deadLetters: AlarmedDeadLetterQueue;
  readonly handler: BaseFunction;
  readonly eventSource: SqsEventSource;
  /** The queue's depth or its oldest message's age over its limit. */
  readonly queueAlarm: Alarm;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    const { settings } = props;

    this.deadLetters = new AlarmedDeadLetterQueue(this, 'DeadLetters', {
      description: props.description,
      alarmDescription: `${props.description}: a message failed ${settings.maxReceiveCount} receives and waits in the dead-letter queue; redrive it once the cause is fixed.`,
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(settings.visibilityTimeoutSeconds),
      ...(settings.delaySeconds ? { deliveryDelay: Duration.seconds(settings.delaySeconds) } : {}),
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: settings.maxReceiveCount },
    });

    this.handler = new BaseFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      memorySize: props.memorySize ?? 512,
      timeout: Duration.seconds(settings.timeoutSeconds),
      logRemovalPolicy: props.logRemovalPolicy,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      ...(props.durationAlarm === undefined ? {} : { durationAlarm: props.durationAlarm }),
    });
    this.queueAlarm = queueAlarm(this, this.queue, {
      description: props.description,
      ...(props.alarmLimits ?? defaultQueueLimits),
    });
    this.eventSource = new SqsEventSource(this.queue, {
      batchSize: settings.batchSize,
      maxBatchingWindow: Duration.seconds(settings.maxBatchingWindowSeconds),
      maxConcurrency: settings.maximumConcurrency,
      reportBatchItemFailures: settings.reportBatchItemFailures,
    });
    // Also grants the role receive and delete on the queue.
    this.handler.function.addEventSource(this.eventSource);

    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        "An SQS event source mapping takes no on-failure destination (Lambda offers one for streams and Kafka only): a message that fails maxReceiveCount receives goes to the queue's redrive target, the alarmed dead-letter queue beside it.",
    });
    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        "Invoked only by its SQS event source mapping, never asynchronously: messages that fail every receive go to the queue's own dead-letter queue (its redrive policy), which a function DLQ would never receive.",
    });
  }
}
