import { AuthorizationErrorException, SetSMSAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setSmsMonthlySpendLimit } from '../../lambdas/adapters/sns/sms-spend-limit.ts';
import { handlerFor } from '../../lambdas/handlers/set-sms-spend-limit.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';
import { cloudFormationEvent, startResponseReceiver } from '../support/cloudformation.ts';

const sns = mockClient(SNSClient);
beforeEach(() => sns.reset());

let receiver: Awaited<ReturnType<typeof startResponseReceiver>>;
beforeAll(async () => {
  receiver = await startResponseReceiver();
});
afterAll(() => receiver.close());

const spendLimit = {
  logicalId: 'SmsSpendLimit',
  type: 'Custom::SmsSpendLimit',
  physicalId: 'sanctions-watch-sms-spend-limit',
};
const event = (requestType: 'Create' | 'Update' | 'Delete', limit: string) => {
  const base = cloudFormationEvent(requestType, receiver.url, spendLimit);
  return { ...base, ResourceProperties: { ...base.ResourceProperties, MonthlySpendLimit: limit } };
};
const handler = () =>
  handlerFor({ setMonthlySpendLimit: (usd) => setSmsMonthlySpendLimit(new SNSClient({ region: 'eu-west-1' }), usd) });

describe("the account's monthly SMS spend limit, set on deploy", () => {
  it('sends SetSMSAttributes with exactly MonthlySpendLimit, as a string of dollars', async () => {
    sns.on(SetSMSAttributesCommand).resolves({});
    await setSmsMonthlySpendLimit(new SNSClient({ region: 'eu-west-1' }), 50);

    expect(sns.commandCalls(SetSMSAttributesCommand).map((call) => call.args[0].input)).toEqual([
      { attributes: { MonthlySpendLimit: '50' } },
    ]);
  });

  it("sets the stack's limit on Create and Update and tells CloudFormation; leaves it be on Delete", async () => {
    sns.on(SetSMSAttributesCommand).resolves({});
    await handler()(event('Create', '1'), localLambdaContext('sms-spend-limit'));
    await handler()(event('Update', '25.50'), localLambdaContext('sms-spend-limit'));
    await handler()(event('Delete', '25.50'), localLambdaContext('sms-spend-limit'));

    expect(sns.commandCalls(SetSMSAttributesCommand).map((call) => call.args[0].input)).toEqual([
      { attributes: { MonthlySpendLimit: '1' } },
      { attributes: { MonthlySpendLimit: '25.5' } },
    ]);
    expect(receiver.received.slice(-3).map(({ body }) => (body as { Status: string }).Status)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
    ]);
  });

  it('fails the deployment, with the reason, when SNS refuses (a limit above the account quota, say) or the limit is not dollars', async () => {
    sns
      .on(SetSMSAttributesCommand)
      .rejects(new AuthorizationErrorException({ message: 'over the account quota', $metadata: {} }));
    await handler()(event('Create', '5000'), localLambdaContext('sms-spend-limit'));
    expect(receiver.received.at(-1)?.body).toMatchObject({ Status: 'FAILED', Reason: 'over the account quota' });

    await handler()(event('Update', 'lots'), localLambdaContext('sms-spend-limit'));
    expect(receiver.received.at(-1)?.body).toMatchObject({
      Status: 'FAILED',
      Reason: 'MonthlySpendLimit must be a number of US dollars',
    });
    expect(sns.commandCalls(SetSMSAttributesCommand)).toHaveLength(1);
  });
});
