import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ADMIN_GROUP } from '../../lambdas/contracts/identity.ts';
import { stack, template, useSynthesizedStack } from './synthesized-stack.ts';
import { arnOf, cfn, onlyResource, type Resource, ref } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('users', () => {
    it('are created by admins only and sign in with their email', () => {
      template.resourceCountIs('AWS::Cognito::UserPool', 1);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      });
    });

    it('need a strong password and may add a TOTP second factor', () => {
      const pool = onlyResource(template.findResources('AWS::Cognito::UserPool') as Record<string, Resource>);
      const { PasswordPolicy } = pool.Properties['Policies'] as { PasswordPolicy: Record<string, unknown> };
      expect(PasswordPolicy).toMatchObject({
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
      expect(PasswordPolicy['MinimumLength']).toBeGreaterThanOrEqual(12);
      expect(pool.Properties).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    });

    it('count as admins only with a TOTP device: a version 2 pre token generation trigger that may read just this pool', () => {
      const trigger = cfn(stack.users.adminMfaCheck.function);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: {
          PreTokenGenerationConfig: {
            LambdaArn: arnOf(trigger),
            LambdaVersion: 'V2_0',
          },
        },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: [
            {
              Action: 'cognito-idp:AdminGetUser',
              Effect: 'Allow',
              Resource: arnOf(cfn(stack.users.userPool)),
            },
          ],
        },
        Roles: [ref(cfn(stack.users.adminMfaCheck.role))],
      });
    });

    it('are retained with deletion protection by default', () => {
      template.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      });
    });

    it('include an admins group', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolGroup', 1);
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
        GroupName: ADMIN_GROUP,
        UserPoolId: ref(cfn(stack.users.userPool)),
      });
      expect(ADMIN_GROUP).toBe('admins');
    });

    it('get tokens through a public app client with password and SRP sign-in', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      const client = onlyResource(template.findResources('AWS::Cognito::UserPoolClient') as Record<string, Resource>);
      expect(client.Properties).toMatchObject({
        UserPoolId: ref(cfn(stack.users.userPool)),
        GenerateSecret: false,
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
      });
      expect([...(client.Properties['ExplicitAuthFlows'] as string[])].sort()).toEqual([
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
      ]);
    });

    it('are found through the UserPoolId and UserPoolClientId outputs', () => {
      template.hasOutput('UserPoolId', { Value: ref(cfn(stack.users.userPool)) });
      template.hasOutput('UserPoolClientId', { Value: ref(cfn(stack.users.apiClient)) });
    });
  });
});
