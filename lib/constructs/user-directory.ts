import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
// The handlers look for this same name in the token's `cognito:groups` claim.
import { ADMIN_GROUP } from '../../lambdas/contracts/identity.ts';
import { preTokenGenerationEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import { BaseFunction } from './base-function.ts';

export interface UserDirectoryProps {
  /**
   * RETAIN keeps the pool (with deletion protection) when the stack goes; DESTROY is for
   * throwaway dev stacks and also lifts deletion protection.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /** @default Duration.hours(1) */
  readonly accessTokenValidity?: Duration;
  /** @default Duration.hours(1) */
  readonly idTokenValidity?: Duration;
  /** How long a client may renew tokens without signing in (and passing MFA) again. @default Duration.days(1) */
  readonly refreshTokenValidity?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Who may call the API's 'user' and 'admin' routes: a Cognito user pool whose users only admins
 * create, an `admins` group whose membership counts only with a TOTP device enrolled, and one app
 * client through which API clients get their tokens.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly adminGroup: UserPoolGroup;
  /** Public client (no secret) for scripts and the AWS CLI: USER_PASSWORD_AUTH and USER_SRP_AUTH. */
  readonly apiClient: UserPoolClient;
  /** Leaves `admins` out of the tokens of a member without a TOTP device (pre-token-generation.ts). */
  readonly adminMfaCheck: BaseFunction;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts grant write access to the data: only admins create them (admin-create-user).
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      // A changed address takes effect only once verified, so nobody can redirect recovery mail unverified.
      keepOriginal: { email: true },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP only: SMS would need an SMS role, SNS spend and sandbox exits, and is the weaker factor.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Stated, not defaulted: Essentials is what passwordHistorySize needs and what we pay for.
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy,
    });

    this.adminGroup = new UserPoolGroup(this, 'AdminGroup', {
      userPool: this.userPool,
      groupName: ADMIN_GROUP,
      description: 'May call the admin routes of the sanctions-watch API',
    });

    this.adminMfaCheck = new BaseFunction(this, 'AdminMfaCheck', {
      entry: preTokenGenerationEntry,
      description: 'Pre token generation: the admins group only for users with a TOTP device enrolled',
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Version 2 events reach the access token too, which the API's authorizer reads (Essentials has them).
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.adminMfaCheck.function,
      LambdaVersion.V2_0,
    );
    Validations.of(this.adminMfaCheck.function).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by Cognito at sign-in, which fails the sign-in on an error; there is no async event to dead-letter.',
    });
    // A policy of its own, not the role's default one: the function waits for its default policy,
    // the pool waits for the function, and this grant names the pool.
    new Policy(this, 'AdminMfaCheckPolicy', {
      roles: [this.adminMfaCheck.role],
      statements: [
        new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] }),
      ],
    });

    this.apiClient = this.userPool.addClient('ApiClient', {
      // A secret cannot be kept by a CLI or a browser; public clients have none.
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // No hosted UI or domain: tokens come from InitiateAuth only.
      disableOAuth: true,
      accessTokenValidity: props.accessTokenValidity ?? Duration.hours(1),
      idTokenValidity: props.idTokenValidity ?? Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.days(1),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional with TOTP for API clients, which include non-interactive scripts that sign in with USER_PASSWORD_AUTH; admins must have a TOTP device (the pre token generation trigger leaves the admins group out of the tokens of any member without one), and every user who enrols a device is challenged for it on each sign-in.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Plus (threat protection: compromised-credential and adaptive-risk checks; standardThreatProtectionMode only works on Plus) is billed per MAU on top of Essentials; the pool holds a few admin-created accounts with no self sign-up.',
      },
    );
  }

  /** The `iss` of the pool's tokens, which the API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
