import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import type { BaseFunction } from '../../lib/constructs/base-function.ts';

/** A resource of a synthesized template. */
export type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  Metadata?: Record<string, unknown>;
};

/** A statement of an IAM policy document. */
export type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, unknown>;
};

export const logicalId = (element: CfnElement): string => Stack.of(element).getLogicalId(element);
export const ref = (element: CfnElement) => ({ Ref: logicalId(element) });
export const arnOf = (element: CfnElement) => ({ 'Fn::GetAtt': [logicalId(element), 'Arn'] });
export const cfn = (construct: { node: { defaultChild?: unknown } }): CfnElement =>
  construct.node.defaultChild as CfnElement;

/** The one resource found; fails the test if there are none or several. */
export const onlyResource = (found: Record<string, Resource>): Resource => {
  const all = Object.values(found);
  expect(all).toHaveLength(1);
  return all[0] as Resource;
};

/** The template's resource for a construct's CloudFormation element. */
export const resourceOf = (template: Template, element: CfnElement): Resource =>
  template.toJSON()['Resources'][logicalId(element)] as Resource;

/** The environment variables of a function as the template sets them. */
export const environmentOf = (template: Template, fn: BaseFunction): Record<string, unknown> =>
  (resourceOf(template, cfn(fn.function)).Properties['Environment'] as { Variables: Record<string, unknown> })
    .Variables;

/** Every statement of the role's policies. */
export function statementsOf(template: Template, fn: BaseFunction): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([ref(cfn(fn.role))]) },
  }) as Record<string, Resource>;
  return Object.values(policies).flatMap(
    (policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
  );
}

export const actionList = (statement: Statement): string[] => [statement.Action].flat();

/** Every action the role's policies allow. */
export function actionsOf(template: Template, fn: BaseFunction): string[] {
  return statementsOf(template, fn).flatMap(actionList);
}

/** The queue-policy statement that refuses any request not sent over TLS (cdk-nag AwsSolutions-SQS4). */
export const deniesInsecureTransport = Match.objectLike({
  Effect: 'Deny',
  Action: 'sqs:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** A function's SNS statements. */
export const snsStatementsOf = (template: Template, fn: BaseFunction): Statement[] =>
  statementsOf(template, fn).filter((statement) => actionList(statement).some((action) => action.startsWith('sns:')));

/** What a function that may text phone numbers, and publish to no topic or endpoint, holds of SNS. */
export const smsToPhoneNumbersOnly = [
  expect.objectContaining({
    Effect: 'Allow',
    Action: expect.arrayContaining(['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut']),
    Resource: '*',
  }),
  expect.objectContaining({
    Effect: 'Deny',
    Action: 'sns:Publish',
    Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
  }),
];
