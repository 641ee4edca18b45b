import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FAILURE_QUEUE_URL_ENV, SES_SENDER_ENV, UNSUBSCRIBE_SECRET_ENV } from '../../lambdas/contracts/environment.ts';
import { allFunctions, notifyingFunctions } from './stack-functions.ts';
import { stack, template, templateOf, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionList,
  actionsOf,
  arnOf,
  asSeenBy,
  cfn,
  deniesInsecureTransport,
  environmentOf,
  logicalId,
  ref,
  resourceOf,
  smsToPhoneNumbersOnly,
  snsStatementsOf,
  statementsOf,
} from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('notifications', () => {
    const failuresQueue = () => stack.notifications.deliveryFailures.queue;

    it('park failed deliveries in an encrypted, TLS-only queue kept 14 days', () => {
      expect(resourceOf(templateOf, cfn(failuresQueue())).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(failuresQueue()))],
        PolicyDocument: {
          Statement: Match.arrayWith([deniesInsecureTransport]),
        },
      });
    });

    it('raise an alarm as soon as a message waits in the failures queue', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(failuresQueue())), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });

    it("give the notifying functions, and only those and the pipeline's senders, the senders' settings and the link secret; the failures queue only to the senders", () => {
      const notifying = notifyingFunctions(stack);
      expect(notifying.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['create-watch', 'update-watch', 'request-watch-confirmation', 'test-watch']),
      );
      const settings = [SES_SENDER_ENV.fromAddress, SES_SENDER_ENV.configurationSet];
      const senders = [stack.delivery.emailSender.handler, stack.delivery.smsSender.handler];
      for (const fn of allFunctions(stack)) {
        const environment = environmentOf(templateOf, fn);
        if (notifying.includes(fn)) {
          for (const name of [...settings, UNSUBSCRIBE_SECRET_ENV])
            expect(environment[name], `${fn.node.path} ${name}`).toBeDefined();
        } else if (!senders.includes(fn)) {
          for (const name of settings) expect(environment[name], `${fn.node.path} ${name}`).toBeUndefined();
        }
        // What a notifying function gives up on has no job to replay: it is logged and counted, not parked.
        if (senders.includes(fn))
          expect(environment[FAILURE_QUEUE_URL_ENV]).toEqual(asSeenBy(template, fn, ref(cfn(failuresQueue()))));
        else expect(environment[FAILURE_QUEUE_URL_ENV], fn.node.path).toBeUndefined();
      }
    });

    it('let the notifying functions send email only as the service and SMS only to phone numbers: no topic, no key, no queue', () => {
      for (const fn of notifyingFunctions(stack)) {
        const statements = statementsOf(templateOf, fn);
        expect(snsStatementsOf(templateOf, fn), fn.node.path).toEqual(smsToPhoneNumbersOnly);
        const ses = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('ses:')));
        expect(ses, fn.node.path).toEqual([
          expect.objectContaining({
            Effect: 'Allow',
            Action: 'ses:SendEmail',
            Condition: { StringEquals: { 'ses:FromAddress': stack.email.fromAddress } },
          }),
        ]);
        // What they give up on has no job to replay: logged and counted, not parked in the failures queue.
        expect(statements, fn.node.path).not.toContainEqual(
          expect.objectContaining({ Resource: asSeenBy(template, fn, arnOf(cfn(failuresQueue()))) }),
        );
        expect(actionsOf(templateOf, fn), fn.node.path).not.toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^(sns:(\*|CreateTopic|Subscribe)|sqs:(\*|ReceiveMessage|DeleteMessage|PurgeQueue)|kms:.*)$/,
            ),
          ]),
        );
      }
    });

    it('leave every other function without any SNS or SES permission (the AlertEvents publisher, the senders, the migrations and the SMS spend limit have their own: alert-event-feed.test.ts, delivery-pipeline.test.ts, migrations.test.ts, operations.test.ts)', () => {
      const notifying = notifyingFunctions(stack);
      const others = allFunctions(stack).filter(
        (fn) =>
          !notifying.includes(fn) &&
          fn !== stack.alertEvents.publisher.handler &&
          fn !== stack.delivery.smsSender.handler &&
          fn !== stack.delivery.emailSender.handler &&
          fn !== stack.migrations.runner.handler &&
          fn !== stack.smsSpendLimit.handler,
      );
      expect(others.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['get-watch', 'verify-watch', 'preview-watch', 'list-watch-deliveries', 'delete-watch']),
      );
      for (const fn of others) {
        expect(
          actionsOf(templateOf, fn).filter((action) => /^(sns|ses):/.test(action)),
          fn.node.path,
        ).toEqual([]);
      }
    });

    it('are found through the DeliveryFailuresQueueUrl output', () => {
      template.hasOutput('DeliveryFailuresQueueUrl', { Value: ref(cfn(failuresQueue())) });
    });
  });
});
