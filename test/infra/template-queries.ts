import { type CfnElement, type NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
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

/**
 * Where a construct's resources are: one template, or a lookup of the template of the stack each
 * construct is in (the root stack's, or a nested stack's such as the route functions').
 */
export type Templates = Template | ((construct: IConstruct) => Template);

const templateFor = (templates: Templates, construct: IConstruct): Template =>
  templates instanceof Template ? templates : templates(construct);

/** The templates of a stack built in a test and of its nested stacks, each synthesized once, for the query helpers. */
export function stackTemplates(): (construct: IConstruct) => Template {
  const synthesized = new Map<Stack, Template>();
  return (construct) => {
    const stack = Stack.of(construct);
    const found = synthesized.get(stack) ?? Template.fromStack(stack);
    synthesized.set(stack, found);
    return found;
  };
}

/** The one resource found; fails the test if there are none or several. */
export const onlyResource = (found: Record<string, Resource>): Resource => {
  const all = Object.values(found);
  expect(all).toHaveLength(1);
  return all[0] as Resource;
};

/** The template's resource for a construct's CloudFormation element. */
export const resourceOf = (templates: Templates, element: CfnElement): Resource =>
  templateFor(templates, element).toJSON()['Resources'][logicalId(element)] as Resource;

/** The environment variables of a function as the template sets them. */
export const environmentOf = (template: Templates, fn: BaseFunction): Record<string, unknown> =>
  (resourceOf(template, cfn(fn.function)).Properties['Environment'] as { Variables: Record<string, unknown> })
    .Variables;

/** Every statement of the role's policies. */
export function statementsOf(templates: Templates, fn: BaseFunction): Statement[] {
  const policies = templateFor(templates, fn).findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([ref(cfn(fn.role))]) },
  }) as Record<string, Resource>;
  return Object.values(policies).flatMap(
    (policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
  );
}

export const actionList = (statement: Statement): string[] => [statement.Action].flat();

/** Every action the role's policies allow. */
export function actionsOf(template: Templates, fn: BaseFunction): string[] {
  return statementsOf(template, fn).flatMap(actionList);
}

/** The queue-policy statement that refuses any request not sent over TLS (cdk-nag AwsSolutions-SQS4). */
export const deniesInsecureTransport = Match.objectLike({
  Effect: 'Deny',
  Action: 'sqs:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** A function's SNS statements. */
export const snsStatementsOf = (template: Templates, fn: BaseFunction): Statement[] =>
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

/**
 * How a nested stack's template names a value of the root stack: `{ Ref }` to the parameter that the
 * root stack's AWS::CloudFormation::Stack resource sets to `value` (CDK makes one per reference).
 */
export function passedAs(root: Template, nestedStack: NestedStack, value: unknown): { Ref: string } {
  const resource = nestedStack.nestedStackResource;
  if (!resource) throw new Error(`${nestedStack.node.path}: not synthesized as a nested stack`);
  const parameters = resourceOf(root, resource).Properties['Parameters'] as Record<string, unknown>;
  const [name] =
    Object.entries(parameters).find(([, passed]) => JSON.stringify(passed) === JSON.stringify(value)) ?? [];
  if (name === undefined) throw new Error(`${nestedStack.node.path}: takes no parameter ${JSON.stringify(value)}`);
  return { Ref: name };
}

/**
 * How the root stack's template names an element's `Ref`: directly, or for an element of a nested
 * stack, through the nested stack's output of it (CDK makes one per referenced attribute).
 */
export function refFromRoot(templates: Templates, element: CfnElement): unknown {
  const { nestedStackResource } = Stack.of(element);
  if (!nestedStackResource) return ref(element);
  const outputs = templateFor(templates, element).toJSON()['Outputs'] as Record<string, { Value: unknown }>;
  const [name] =
    Object.entries(outputs).find(([, output]) => JSON.stringify(output.Value) === JSON.stringify(ref(element))) ?? [];
  if (name === undefined) throw new Error(`${element.node.path}: its nested stack has no output of it`);
  return { 'Fn::GetAtt': [logicalId(nestedStackResource), `Outputs.${name}`] };
}

/**
 * A value of the root stack's template (a `Ref`, an ARN, a URL built from them) as the template of
 * `construct`'s stack writes it: unchanged in the root stack; in a nested stack, with each part the
 * root stack passes in replaced by the `Ref` of its parameter.
 */
export function asSeenBy(root: Template, construct: IConstruct, value: unknown): unknown {
  const { nestedStackResource } = Stack.of(construct);
  if (!nestedStackResource) return value;
  const parameters = resourceOf(root, nestedStackResource).Properties['Parameters'] as Record<string, unknown>;
  let text = JSON.stringify(value);
  for (const [name, passed] of Object.entries(parameters))
    text = text.replaceAll(JSON.stringify(passed), JSON.stringify({ Ref: name }));
  return JSON.parse(text);
}
