import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BUNDLING_STACKS } from 'aws-cdk-lib/cx-api';
import cdkNag from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { SES_SENDER_ENV, UNSUBSCRIBE_SECRET_ENV } from '../../lambdas/contracts/environment.ts';
import { routes } from '../../lambdas/contracts/routes.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import { DataTable } from '../../lib/constructs/data-table.ts';
import { EmailChannel } from '../../lib/constructs/email-channel.ts';
import { defaultEmailFrom, emailSender } from '../../lib/sanctions-watch-stack.ts';
import { allFunctions, notifyingFunctions, routeFunction } from './stack-functions.ts';
import { stack, template, templateOf, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionList,
  actionsOf,
  arnOf,
  asSeenBy,
  cfn,
  environmentOf,
  logicalId,
  ref,
  resourceOf,
  type Statement,
  statementsOf,
} from './template-queries.ts';

/** `arn:<partition>:ses:<region>:<account><resource>` as the template spells it; `resource` starts with `:`. */
const sesArn = (resource: unknown[]) => ({
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ...resource],
  ],
});

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('email channel', () => {
    const email = () => stack.email;
    const topic = () => ref(cfn(email().feedbackTopic));
    const keyArn = () => arnOf(cfn(email().key));

    it('sends through one configuration set that keeps bounced and complaining addresses on the suppression list', () => {
      template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
      expect(resourceOf(templateOf, cfn(email().configurationSet)).Properties).toMatchObject({
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
    });

    it('publishes bounces and complaints, and nothing else, to the feedback topic', () => {
      template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        ConfigurationSetName: ref(cfn(email().configurationSet)),
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: topic() },
        },
      });
    });

    it("encrypts the topic with its own rotating key, takes TLS only, and lets SES publish only for this account's configuration set", () => {
      expect(resourceOf(templateOf, cfn(email().feedbackTopic)).Properties).toMatchObject({ KmsMasterKeyId: keyArn() });
      expect(resourceOf(templateOf, cfn(email().key))).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: expect.objectContaining({ EnableKeyRotation: true }),
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [topic()],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'ses.amazonaws.com' },
              Action: 'sns:Publish',
              Condition: {
                StringEquals: {
                  'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
                  'AWS:SourceArn': sesArn([':configuration-set/', ref(cfn(email().configurationSet))]),
                },
              },
            }),
          ]),
        },
      });
    });

    it('lets SES (from this account) and SNS (for the feedback topic) use the key, and no other service', () => {
      const { KeyPolicy } = resourceOf(templateOf, cfn(email().key)).Properties as {
        KeyPolicy: { Statement: Statement[] };
      };
      const forServices = KeyPolicy.Statement.filter((statement) =>
        JSON.stringify(statement.Principal).includes('Service'),
      );
      expect(forServices).toHaveLength(2);
      for (const statement of forServices)
        expect(actionList(statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(forServices).toContainEqual(
        expect.objectContaining({
          Principal: { Service: 'ses.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      );
      expect(forServices).toContainEqual(
        expect.objectContaining({
          Principal: { Service: 'sns.amazonaws.com' },
          Condition: {
            ArnEquals: {
              'aws:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':sns:',
                    { Ref: 'AWS::Region' },
                    ':',
                    { Ref: 'AWS::AccountId' },
                    ':SanctionsWatch-email-feedback',
                  ],
                ],
              },
            },
          },
        }),
      );
      expect(resourceOf(templateOf, cfn(email().feedbackTopic)).Properties['TopicName']).toBe(
        'SanctionsWatch-email-feedback',
      );
    });

    it('hands every event to the feedback function, redriving what SNS cannot deliver into an alarmed queue encrypted with the key', () => {
      const fn = email().feedback.function;
      const undelivered = email().undeliveredFeedback.queue;
      template.hasResourceProperties('AWS::SNS::Subscription', {
        TopicArn: topic(),
        Protocol: 'lambda',
        Endpoint: arnOf(cfn(fn)),
        RedrivePolicy: { deadLetterTargetArn: arnOf(cfn(undelivered)) },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(cfn(fn)),
        Principal: 'sns.amazonaws.com',
        SourceArn: topic(),
      });
      expect(resourceOf(templateOf, cfn(undelivered)).Properties).toMatchObject({ KmsMasterKeyId: keyArn() });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(undelivered))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Condition: { ArnEquals: { 'aws:SourceArn': topic() } },
            }),
          ]),
        },
      });
      for (const queue of [undelivered, email().failedFeedback.queue])
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(queue)), 'QueueName'] } }],
          Threshold: 0,
        });
    });

    it('lets the feedback function write the table, retry a failed run twice and dead-letter it, and nothing of SES, SNS or KMS', () => {
      const fn = email().feedback;
      expect(resourceOf(templateOf, cfn(fn.function)).Properties).toMatchObject({
        DeadLetterConfig: { TargetArn: arnOf(cfn(email().failedFeedback.queue)) },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: ref(cfn(fn.function)),
        MaximumRetryAttempts: 2,
      });
      const actions = actionsOf(templateOf, fn);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']));
      expect(actions.filter((action) => /^(ses|sns|kms|secretsmanager):/.test(action))).toEqual([]);
    });

    it('keeps the signing secret in Secrets Manager, generated by the stack, and retained', () => {
      expect(resourceOf(templateOf, cfn(email().linkSecret))).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: {
          GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
        },
      });
      expect(JSON.stringify(template.toJSON())).not.toContain('"SecretString"');
    });

    it('gives the secret, and the extension that reads it, to the functions that sign or check links alone', () => {
      const readers = [
        ...routes
          .filter((route) =>
            ['/unsubscribe', '/confirm', '/manage', '/watches/{id}/verify', '/subscriptions/verify'].includes(
              route.path,
            ),
          )
          .map((route) => routeFunction(stack, route.id)),
        ...notifyingFunctions(stack),
        stack.delivery.emailSender.handler,
        stack.delivery.smsSender.handler,
      ];
      expect(readers.map((fn) => fn.node.path).sort()).toEqual([
        'SanctionsWatch/Delivery/EmailSender/Handler',
        'SanctionsWatch/Delivery/SmsSender/Handler',
        'SanctionsWatch/RouteFunctions/confirm',
        'SanctionsWatch/RouteFunctions/create-subscription',
        'SanctionsWatch/RouteFunctions/create-watch',
        'SanctionsWatch/RouteFunctions/get-confirmation',
        'SanctionsWatch/RouteFunctions/get-manage',
        'SanctionsWatch/RouteFunctions/get-unsubscribe',
        'SanctionsWatch/RouteFunctions/manage',
        'SanctionsWatch/RouteFunctions/request-watch-confirmation',
        'SanctionsWatch/RouteFunctions/test-watch',
        'SanctionsWatch/RouteFunctions/unsubscribe',
        'SanctionsWatch/RouteFunctions/update-watch',
        'SanctionsWatch/RouteFunctions/verify-subscription',
        'SanctionsWatch/RouteFunctions/verify-watch',
      ]);
      for (const fn of allFunctions(stack)) {
        const reads = readers.includes(fn);
        expect(environmentOf(templateOf, fn)[UNSUBSCRIBE_SECRET_ENV], fn.node.path).toEqual(
          reads ? asSeenBy(template, fn, ref(cfn(email().linkSecret))) : undefined,
        );
        const secretStatements = statementsOf(templateOf, fn).filter((statement) =>
          actionList(statement).some((action) => action.startsWith('secretsmanager:')),
        );
        expect(secretStatements, fn.node.path).toEqual(
          reads ? [expect.objectContaining({ Resource: asSeenBy(template, fn, ref(cfn(email().linkSecret))) })] : [],
        );
        expect(Boolean(resourceOf(templateOf, cfn(fn.function)).Properties['Layers']), fn.node.path).toBe(reads);
      }
    });

    it('gives the SES sender settings and the right to send to the email sender and the notifying functions alone', () => {
      const senders = [stack.delivery.emailSender.handler, ...notifyingFunctions(stack)];
      for (const fn of allFunctions(stack)) {
        expect(environmentOf(templateOf, fn)[SES_SENDER_ENV.fromAddress], fn.node.path).toEqual(
          senders.includes(fn) ? 'alerts@sanctions-watch.example' : undefined,
        );
        const sends = statementsOf(templateOf, fn).filter((statement) =>
          actionList(statement).some((action) => action.startsWith('ses:')),
        );
        expect(sends.length > 0, fn.node.path).toBe(senders.includes(fn));
      }
    });

    it('is found through the EmailConfigurationSet output', () => {
      template.hasOutput('EmailConfigurationSet', { Value: ref(cfn(email().configurationSet)) });
    });
  });
});

/** The channel in a stack of its own, with a function granted what sending needs. */
const channelWithSender = (props: { readonly fromAddress: string; readonly identity?: string }) => {
  const app = new App({ context: { [BUNDLING_STACKS]: [] } });
  const testStack = new Stack(app, 'Test');
  const table = new DataTable(testStack, 'Data');
  const channel = new EmailChannel(testStack, 'Email', { ...props, table });
  const sender = new BaseFunction(testStack, 'Sender', { entry: 'lambdas/handlers/ses-feedback.ts' });
  channel.grantSendEmail(sender);
  return { app, channel, sender, template: Template.fromStack(testStack) };
};

describe('EmailChannel.grantSendEmail', () => {
  it('lets the function send only as the identity, through the configuration set, from the configured address', () => {
    const { channel, sender, template: senderTemplate } = channelWithSender({ fromAddress: 'alerts@example.org' });

    const ses = statementsOf(senderTemplate, sender).filter((statement) =>
      actionList(statement).some((action) => action.startsWith('ses:')),
    );
    expect(ses).toEqual([
      {
        Sid: 'SesSendAsIdentity',
        Effect: 'Allow',
        Action: 'ses:SendEmail',
        Resource: [
          sesArn([':identity/example.org']),
          sesArn([':configuration-set/', ref(cfn(channel.configurationSet))]),
        ],
        Condition: { StringEquals: { 'ses:FromAddress': 'alerts@example.org' } },
      },
    ]);
    expect(environmentOf(senderTemplate, sender)).toMatchObject({
      [SES_SENDER_ENV.fromAddress]: 'alerts@example.org',
      [SES_SENDER_ENV.configurationSet]: ref(cfn(channel.configurationSet)),
    });
  });

  it('names the identity given, such as a verified address rather than its domain', () => {
    const { channel } = channelWithSender({ fromAddress: 'alerts@example.org', identity: 'alerts@example.org' });
    expect(Stack.of(channel).resolve(channel.identityArn)).toEqual(sesArn([':identity/alerts@example.org']));
  });

  it('leaves cdk-nag nothing to find in the grant', () => {
    const { app, sender } = channelWithSender({ fromAddress: 'alerts@example.org' });
    const report = new cdkNag.AwsSolutionsChecks().validateScope(app);
    const onSender = report.violations.filter((violation) =>
      violation.violatingResources.some((resource) => resource.constructPath?.startsWith(sender.node.path)),
    );
    expect(onSender.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('refuses a From address that is not one', () => {
    expect(() => channelWithSender({ fromAddress: 'alerts' })).toThrow(/fromAddress must be an email address/);
  });
});

describe('the stack context for email', () => {
  const contextOf = (context: Record<string, unknown>) => {
    const app = new App({ context });
    return emailSender(new Stack(app, 'Context'));
  };

  it('defaults to an address at a reserved domain, until an operator names a verified one', () => {
    expect(contextOf({})).toEqual({ fromAddress: defaultEmailFrom });
    expect(defaultEmailFrom.endsWith('.example')).toBe(true);
    expect(contextOf({ emailFrom: 'alerts@example.org', emailIdentity: 'example.org' })).toEqual({
      fromAddress: 'alerts@example.org',
      identity: 'example.org',
    });
  });

  it('refuses what is not an address or an identity', () => {
    expect(() => contextOf({ emailFrom: 'not an address' })).toThrow(/emailFrom/);
    expect(() => contextOf({ emailFrom: 'alerts@example.org', emailIdentity: '' })).toThrow(/emailIdentity/);
  });
});
