import { describe, expect, it } from 'vitest';
import { MIGRATIONS_QUEUE_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { migrationsContinuation } from '../../lambdas/contracts/migrations.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import {
  actionList,
  actionsOf,
  arnOf,
  cfn,
  environmentOf,
  onlyResource,
  type Resource,
  ref,
  resourceOf,
  statementsOf,
} from './template-queries.ts';

useSynthesizedStack();

/** `arn:<partition>:sns:<region>:<account>:<prefix>*`: this stack's contact topics and their subscriptions. */
const contactTopicsArn = (prefix: string) => ({
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${prefix}*`],
  ],
});

describe('SanctionsWatch stack', () => {
  describe('migrations', () => {
    const runner = () => stack.migrations.runner.handler;
    const queue = () => stack.migrations.runner.queue;

    it('run on deploy as a custom resource served by their function, versioned by its bundle', () => {
      const { S3Key } = resourceOf(template, cfn(runner().function)).Properties['Code'] as { S3Key: string };
      template.hasResourceProperties('Custom::Migrations', {
        ServiceToken: arnOf(cfn(runner().function)),
        MigrationsVersion: S3Key.replace(/\.zip$/, ''),
      });
    });

    it('get Lambda’s longest run, and resume from their own queue, one event a batch', () => {
      expect(resourceOf(template, cfn(runner().function)).Properties).toMatchObject({
        Timeout: migrationsContinuation.timeoutSeconds,
      });
      expect(migrationsContinuation.timeoutSeconds).toBe(900);
      expect(environmentOf(template, runner())).toMatchObject({ [MIGRATIONS_QUEUE_URL_ENV]: ref(cfn(queue())) });
      const mapping = onlyResource(
        template.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: ref(cfn(runner().function)) },
        }) as Record<string, Resource>,
      );
      expect(mapping.Properties).toMatchObject({ EventSourceArn: arnOf(cfn(queue())), BatchSize: 1 });
      expect(resourceOf(template, cfn(queue())).Properties).toMatchObject({
        VisibilityTimeout: migrationsContinuation.visibilityTimeoutSeconds,
      });
    });

    it('may only unsubscribe and delete this stack’s contact topics, and send only to their own queue', () => {
      const statements = statementsOf(template, runner());
      const sns = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('sns:')));
      expect(sns).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Resource: contactTopicsArn('SanctionsWatch-contact-'),
        }),
      ]);
      expect(actionList(sns[0] as (typeof sns)[number]).sort()).toEqual(['sns:DeleteTopic', 'sns:Unsubscribe']);
      const sends = statements.filter((statement) => actionList(statement).includes('sqs:SendMessage'));
      expect(sends.map(({ Resource }) => Resource)).toEqual([arnOf(cfn(queue()))]);
      expect(
        actionsOf(template, runner()).filter((action) => /^kms:|^sns:(Publish|CreateTopic|Subscribe)/.test(action)),
      ).toEqual([]);
    });
  });
});
