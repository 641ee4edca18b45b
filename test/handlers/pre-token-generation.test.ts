import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoTotpEnrolment } from '../../lambdas/adapters/cognito/totp-enrolment.ts';
import { handlerFor } from '../../lambdas/handlers/pre-token-generation.ts';
import { localLambdaContext } from '../../local/lambda-context.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const handler = handlerFor({ totpEnrolment: cognitoTotpEnrolment(new CognitoIdentityProviderClient({})) });

const signIn = (groups: string[]): PreTokenGenerationV2TriggerEvent => ({
  version: '2',
  triggerSource: 'TokenGeneration_Authentication',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Pool',
  userName: 'user-1',
  callerContext: { awsSdkVersion: '3', clientId: 'client-1' },
  request: { userAttributes: { sub: 'sub-1' }, groupConfiguration: { groupsToOverride: groups } },
  response: { claimsAndScopeOverrideDetails: {} },
});

const enrolled = (settings: string[] | undefined) =>
  cognito.on(AdminGetUserCommand).resolves({ Username: 'user-1', UserMFASettingList: settings });

const signInAs = (groups: string[]) => handler(signIn(groups), localLambdaContext('pre-token-generation'));

describe('the admins group in tokens', () => {
  beforeEach(() => cognito.reset());

  it('is left out of the tokens of an admin without a TOTP device, whose other groups stay', async () => {
    enrolled(undefined);
    const result = await signInAs(['admins', 'editors']);
    expect(result.response.claimsAndScopeOverrideDetails.groupOverrideDetails).toEqual({
      groupsToOverride: ['editors'],
    });
    expect(cognito.commandCalls(AdminGetUserCommand).map(({ args }) => args[0].input)).toEqual([
      { UserPoolId: 'eu-west-1_Pool', Username: 'user-1' },
    ]);
  });

  it('stays for an admin with a TOTP device enrolled', async () => {
    enrolled(['SOFTWARE_TOKEN_MFA']);
    const result = await signInAs(['admins']);
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({});
  });

  it('is not asked about for users outside it, whose tokens pass unchanged', async () => {
    const result = await signInAs(['editors']);
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({});
    expect(cognito.commandCalls(AdminGetUserCommand)).toEqual([]);
  });
});
