import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { type DeliveryQueueName, deliveryQueueOutputs } from '../../lambdas/contracts/delivery-queues.ts';
import { type StreamConsumerName, streamConsumerOutputs } from '../../lambdas/contracts/streams.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import { cfn, ref } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  it("outputs the API URL, the user pool ids, the delivery-failures and subscription queues, the AlertEvents topic, the operators' topic and the email's configuration set", () => {
    expect(
      Object.keys(template.toJSON()['Outputs'] as object)
        .filter((key) => !/^(Wave|Shard|Email|Sms)(DeadLetter)?QueueUrl$/.test(key))
        .filter(
          (key) => !/^(ChangeDetection|WaveAnnouncer|AlertEventPublisher)(FailuresQueueUrl|FunctionName)$/.test(key),
        )
        .sort(),
    ).toEqual([
      'AlertEventsTopicArn',
      'ApiUrl',
      'DeliveryFailuresQueueUrl',
      'EmailConfigurationSet',
      'OpsTopicArn',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });

  it.each(Object.entries(deliveryQueueOutputs))(
    'outputs the %s queue and its dead-letter queue, for `sanctions-watch redrive`',
    (name, outputs) => {
      const consumer = {
        waves: stack.delivery.planner,
        shards: stack.delivery.shardWorkers,
        email: stack.delivery.emailSender,
        sms: stack.delivery.smsSender,
      }[name as DeliveryQueueName];
      const values = template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
      expect(values[outputs.queue]?.Value).toEqual(ref(cfn(consumer.queue)));
      expect(values[outputs.deadLetters]?.Value).toEqual(ref(cfn(consumer.deadLetters.queue)));
    },
  );

  it.each(Object.entries(streamConsumerOutputs))(
    'outputs the %s stream consumer and its on-failure queue, for `sanctions-watch redrive --queue streams`',
    (name, outputs) => {
      const consumer = {
        detectChanges: stack.changeDetection,
        announceWaves: stack.delivery.announcer,
        publishAlertEvents: stack.alertEvents.publisher,
      }[name as StreamConsumerName];
      const values = template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
      expect(values[outputs.failures]?.Value).toEqual(ref(cfn(consumer.failures.queue)));
      expect(values[outputs.functionName]?.Value).toEqual(ref(cfn(consumer.handler.function)));
    },
  );

  it('raises no CDK warnings or errors', () => {
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });
});
