import { AdminGetUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** Whether a user of the pool has a TOTP device enrolled and turned on, as Cognito records it. */
export type TotpEnrolment = (userPoolId: string, userName: string) => Promise<boolean>;

export const cognitoTotpEnrolment =
  (client: CognitoIdentityProviderClient): TotpEnrolment =>
  async (userPoolId, userName) => {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userName }));
    return user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;
  };
