import { CustomResource, Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SMS_SPEND_LIMIT_PROPERTY, setSmsSpendLimitEntry } from '../../lambdas/contracts/sms-spend-limit.ts';
import { BaseFunction } from './base-function.ts';

/**
 * The spending quota AWS gives every new account, 1.00 USD a month
 * (https://docs.amazonaws.cn/en_us/sns/latest/dg/channels-sms-awssupport-spend-threshold.html):
 * a limit above the account's quota is refused, so the default deploys on any account.
 */
export const DEFAULT_SMS_MONTHLY_SPEND_LIMIT_USD = 1;

/** The share of the monthly limit at which the spend alarm goes off: time to raise the limit, or find out why. */
export const SMS_SPEND_ALARM_SHARE = 0.8;

/**
 * `cdk deploy -c smsMonthlySpendLimit=50`: the account's monthly SMS spend limit in US dollars,
 * set on every deploy. Checked here, since SNS would refuse a bad one mid-deploy.
 */
export function smsMonthlySpendLimitContext(scope: Construct): number {
  const value: unknown = scope.node.tryGetContext('smsMonthlySpendLimit') ?? DEFAULT_SMS_MONTHLY_SPEND_LIMIT_USD;
  const usd = Number(value);
  if (!/^\d+(\.\d{1,2})?$/.test(String(value)) || usd <= 0)
    throw new Error(
      `Context smsMonthlySpendLimit must be a positive number of US dollars, got ${JSON.stringify(value)}`,
    );
  return usd;
}

export interface SmsSpendLimitProps {
  readonly monthlyLimitUsd: number;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Sets the account's monthly SMS spend limit (SNS SetSMSAttributes, MonthlySpendLimit) through a
 * custom resource whose function answers CloudFormation itself: changing the limit in context
 * changes the resource's property, and CloudFormation sends the function an Update.
 */
export class SmsSpendLimit extends Construct {
  readonly handler: BaseFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: SmsSpendLimitProps) {
    super(scope, id);
    this.handler = new BaseFunction(this, 'Handler', {
      entry: setSmsSpendLimitEntry,
      description: 'Sets the monthly SMS spend limit (CloudFormation custom resource)',
      timeout: Duration.seconds(30),
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'SmsSettings', actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
    );
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.function.functionArn,
      resourceType: 'Custom::SmsSpendLimit',
      properties: { [SMS_SPEND_LIMIT_PROPERTY]: String(props.monthlyLimitUsd) },
    });

    Validations.of(this.handler.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "sns:SetSMSAttributes sets the account's SMS settings and has no resource type: it cannot be scoped to a resource ARN.",
    });
    Validations.of(this.handler.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked only by CloudFormation as a custom resource: a failure fails and rolls back the deployment, so there is no event left to redrive.',
    });
  }
}
