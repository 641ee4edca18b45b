import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  it("outputs the API URL, the user pool ids, the two delivery queues, the AlertEvents topic and the email's configuration set", () => {
    expect(Object.keys(template.toJSON()['Outputs'] as object).sort()).toEqual([
      'AlertEventsTopicArn',
      'ApiUrl',
      'DeliveryFailuresQueueUrl',
      'EmailConfigurationSet',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });

  it('raises no CDK warnings or errors', () => {
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });
});
