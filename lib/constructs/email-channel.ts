import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { SES_SENDER_ENV, UNSUBSCRIBE_SECRET_ENV } from '../../lambdas/contracts/environment.ts';
import { sesFeedbackEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import { AlarmedDeadLetterQueue } from './alarmed-dead-letter-queue.ts';
import { BaseFunction } from './base-function.ts';
import type { DataTable } from './data-table.ts';

export interface EmailChannelProps {
  /** The From address of every email; an SES identity must cover it (see `identity`). */
  readonly fromAddress: string;
  /** The verified SES identity that covers `fromAddress`: its domain, or the address itself. @default the domain of `fromAddress` */
  readonly identity?: string;
  /** The table whose contacts bounces and complaints turn `gone`. */
  readonly table: DataTable;
  /** What happens to the key and the signing secret when they leave the stack. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** What happens to the feedback function's log group. @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** Lambda retries a failed run twice; a table that fails for longer has its event dead-lettered. */
const FEEDBACK_RETRY_ATTEMPTS = 2;

/**
 * Email through SES v2. The configuration set every message goes through: it keeps the account's
 * suppression list for bounces and complaints, and publishes both to an encrypted SNS topic whose
 * function turns the address's contact `gone`. The secret that signs one-click unsubscribe links
 * (Secrets Manager, generated here, so no template holds it). `grantSendEmail` and
 * `grantUnsubscribeSecret` hand a function what sending and signing need.
 */
export class EmailChannel extends Construct {
  readonly fromAddress: string;
  /** `arn:<partition>:ses:<region>:<account>:identity/<identity>`. */
  readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;
  /** `arn:<partition>:ses:<region>:<account>:configuration-set/<name>`. */
  readonly configurationSetArn: string;
  /** Encrypts the feedback topic and its dead-letter queue; SES and SNS may use it for them. */
  readonly key: Key;
  readonly feedbackTopic: Topic;
  readonly feedback: BaseFunction;
  /** Events SNS could not hand the function (the subscription's dead-letter queue, encrypted with `key`). */
  readonly undeliveredFeedback: AlarmedDeadLetterQueue;
  /** Events whose every run failed (the function's dead-letter queue). */
  readonly failedFeedback: AlarmedDeadLetterQueue;
  readonly linkSecret: Secret;
  /**
   * The extension through which a function reads the signing secret once per cold start, without a
   * Secrets Manager client (lambdas/adapters/secrets/extension-secret.ts). Give it to the function
   * when building it (BaseFunctionProps.paramsAndSecrets).
   */
  readonly secretsExtension: ParamsAndSecretsLayerVersion;

  constructor(scope: Construct, id: string, props: EmailChannelProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.fromAddress = props.fromAddress;
    const domain = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(props.fromAddress)?.[1];
    if (!domain) throw new Error(`EmailChannel: fromAddress must be an email address, got "${props.fromAddress}"`);
    this.identityArn = stack.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: props.identity ?? domain,
    });

    this.key = new Key(this, 'Key', {
      description: `${stack.stackName}: encrypts SES's bounce and complaint events (SNS) and their dead-letter queue (SQS)`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // Named, so the key's policy can name the topic without the key and the topic depending on each other.
    const feedbackTopicName = `${stack.stackName}-email-feedback`;
    this.feedbackTopic = new Topic(this, 'FeedbackTopic', {
      topicName: feedbackTopicName,
      displayName: 'SES bounces and complaints',
      masterKey: this.key,
      enforceSSL: true,
    });

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // SES drops mail to addresses on the account's suppression list for either reason, and adds them to it.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    // CDK also gives SES sns:Publish on the topic, for this account and configuration set only.
    this.configurationSet.addEventDestination('Feedback', {
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // Publishing to the encrypted topic, SES asks KMS for a data key; SNS does too, redriving to its encrypted queue.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesPublishesFeedback',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'FeedbackTopicRedrive',
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          ArnEquals: { 'aws:SourceArn': stack.formatArn({ service: 'sns', resource: feedbackTopicName }) },
        },
      }),
    );

    this.undeliveredFeedback = new AlarmedDeadLetterQueue(this, 'UndeliveredFeedback', {
      description: 'SES bounces and complaints',
      alarmDescription:
        'SES bounces and complaints: SNS could not hand an event to the feedback function and redrove it here; its address may still receive mail.',
      // An SNS subscription's dead-letter queue must be encrypted with a key whose policy lets SNS use it.
      encryptionKey: this.key,
    });
    // Apart from the queue above, so the function's role needs no right to the key.
    this.failedFeedback = new AlarmedDeadLetterQueue(this, 'FailedFeedback', {
      description: 'SES bounces and complaints',
      alarmDescription:
        'SES bounces and complaints: every run of the feedback function on an event failed; its address may still receive mail.',
    });

    this.feedback = new BaseFunction(this, 'Feedback', {
      entry: sesFeedbackEntry,
      description: "Turns bounced and complaining addresses' contacts gone (SES events through SNS)",
      logRemovalPolicy: props.logRemovalPolicy,
      deadLetterQueue: this.failedFeedback.queue,
    });
    this.feedback.bindTable(props.table, 'read-write');
    this.feedback.function.configureAsyncInvoke({
      retryAttempts: FEEDBACK_RETRY_ATTEMPTS,
      maxEventAge: Duration.hours(6),
    });
    // CDK lets this topic send to the queue (a queue policy naming it).
    this.feedbackTopic.addSubscription(
      new LambdaSubscription(this.feedback.function, { deadLetterQueue: this.undeliveredFeedback.queue }),
    );

    this.linkSecret = new Secret(this, 'UnsubscribeSecret', {
      description: `${stack.stackName}: signs the one-click unsubscribe links of every email (HMAC-SHA256)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    this.secretsExtension = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
      logLevel: ParamsAndSecretsLogLevel.WARN,
    });

    Validations.of(this.feedback.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        "Failed asynchronous runs already go to the function's dead-letter queue (DeadLetterConfig), which the alarm watches; an on-failure destination as well would put a second record of every failure in it.",
    });
    Validations.of(this.undeliveredFeedback.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the dead-letter queue of the feedback topic's Lambda subscription (its RedrivePolicy), which cdk-nag does not count as a dead-letter use.",
    });
    Validations.of(this.linkSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret signs the unsubscribe links of mail already delivered: rotating it would break every link in every inbox. It is generated by the stack, never leaves Secrets Manager but for the functions granted it, and can be replaced by hand after a leak.',
    });
  }

  /**
   * Lets the function send email as the configured identity and through the configuration set:
   * their settings in the environment, and ses:SendEmail on the identity and the configuration set
   * only, from the configured From address only.
   */
  grantSendEmail(fn: BaseFunction): void {
    fn.function.addEnvironment(SES_SENDER_ENV.fromAddress, this.fromAddress);
    fn.function.addEnvironment(SES_SENDER_ENV.configurationSet, this.configurationSet.configurationSetName);
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'SesSendAsIdentity',
        actions: ['ses:SendEmail'],
        resources: [this.identityArn, this.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
      }),
    );
  }

  /**
   * Lets the function read the secret that signs unsubscribe links: its ARN in the environment and
   * read access. The function must have been built with `secretsExtension`.
   */
  grantUnsubscribeSecret(fn: BaseFunction): void {
    fn.function.addEnvironment(UNSUBSCRIBE_SECRET_ENV, this.linkSecret.secretArn);
    this.linkSecret.grantRead(fn.role);
  }
}
