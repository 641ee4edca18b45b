import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import cdkNag from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAME_ENV, tableSchema } from '../../lambdas/adapters/dynamodb/table-schema.ts';
import { ADMIN_GROUP } from '../../lambdas/core/identity/caller.ts';
import { routes } from '../../lambdas/handlers/http/routes.ts';
import { changeDetectionStream } from '../../lambdas/handlers/stream/stream-processing-config.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import { checkSchedule } from '../../lib/sanctions-watch-stack.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const { AwsSolutionsChecks, ServerlessChecks } = cdkNag;

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; Metadata?: Record<string, unknown> };

const logicalId = (element: CfnElement): string => Stack.of(element).getLogicalId(element);
const ref = (element: CfnElement) => ({ Ref: logicalId(element) });
const arnOf = (element: CfnElement) => ({ 'Fn::GetAtt': [logicalId(element), 'Arn'] });
const cfn = (construct: { node: { defaultChild?: unknown } }): CfnElement => construct.node.defaultChild as CfnElement;

const onlyResource = (found: Record<string, Resource>): Resource => {
  const all = Object.values(found);
  expect(all).toHaveLength(1);
  return all[0] as Resource;
};

/** Every action the role's policies allow. */
function actionsOf(template: Template, fn: BaseFunction): string[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([ref(cfn(fn.role))]) },
  }) as Record<string, Resource>;
  return Object.values(policies).flatMap((policy) => {
    const document = policy.Properties['PolicyDocument'] as { Statement: { Action: string | string[] }[] };
    return document.Statement.flatMap((statement) => statement.Action);
  });
}

describe('SanctionsWatch stack', () => {
  let testApp: TestApp;
  let template: Template;
  const routeFunction = (id: string): BaseFunction => {
    const child = testApp.stack.node.findChild(id);
    if (!(child instanceof BaseFunction)) throw new Error(`no BaseFunction for route ${id}`);
    return child;
  };
  const allFunctions = (): BaseFunction[] => [
    ...routes.map((route) => routeFunction(route.id)),
    testApp.stack.seed.handler,
    testApp.stack.deadlineCheck.handler,
    testApp.stack.changeDetection.handler,
  ];

  beforeAll(() => {
    // The one real esbuild run of this file: bundle hashes and code layout are under test here.
    testApp = createTestApp({ bundle: true });
    template = Template.fromStack(testApp.stack);
  }, 120_000);
  afterAll(() => testApp.dispose());
  const resourceOf = (element: CfnElement): Resource => template.toJSON()['Resources'][logicalId(element)] as Resource;

  describe('table', () => {
    it('has the keys, indexes and TTL of tableSchema', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true },
      });
    });

    it('is on-demand, backed up, encrypted and streams both images', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
    });

    it('is retained and deletion-protected by default', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 1);
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
    });
  });

  describe('functions', () => {
    it('exist once per route plus the seed handler, the deadline checker and the change detector', () => {
      template.resourceCountIs('AWS::Lambda::Function', routes.length + 3);
    });

    it('all run Node 24 on arm64 with tracing, explicit memory and timeout, ESM bundles and source maps', () => {
      template.allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: Match.anyValue(),
        Timeout: Match.anyValue(),
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({
            LOG_LEVEL: Match.anyValue(),
            NODE_OPTIONS: '--enable-source-maps',
          }),
        },
      });
    });

    it('all know the table through TABLE_NAME', () => {
      template.allResourcesProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ [TABLE_NAME_ENV]: ref(cfn(testApp.stack.table.table)) }) },
      });
    });

    it('each log to their own log group with a retention', () => {
      for (const fn of allFunctions()) {
        template.hasResourceProperties('AWS::Lambda::Function', {
          LoggingConfig: { LogGroup: ref(cfn(fn.logGroup)) },
        });
        const logGroup = template.toJSON()['Resources'][logicalId(cfn(fn.logGroup))] as Resource;
        expect(logGroup.Properties['RetentionInDays']).toBe(30);
      }
    });

    it('are bundled as minified ESM with the createRequire banner and a linked source map', () => {
      for (const fn of allFunctions()) {
        const assetDir = (fn.function.node.findChild('Code') as Asset).assetPath;
        const bundle = readFileSync(path.join(testApp.app.outdir, assetDir, 'index.mjs'), 'utf8');
        expect(bundle.split('\n')[0]).toMatch(/createRequire.*import\.meta\.url/);
        expect(bundle.trimEnd()).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map$/);
        expect(readFileSync(path.join(testApp.app.outdir, assetDir, 'index.mjs.map'), 'utf8')).toContain('"mappings"');
      }
    });
  });

  describe('permissions', () => {
    it('no role carries an AWS managed policy', () => {
      template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });

    it('read-only routes cannot write the table', () => {
      const readRoutes = routes.filter((route) => route.tableAccess === 'read');
      for (const route of readRoutes) {
        const actions = actionsOf(template, routeFunction(route.id));
        expect(actions, route.id).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
        expect(actions, route.id).not.toEqual(
          expect.arrayContaining([expect.stringMatching(/^dynamodb:(PutItem|DeleteItem|UpdateItem|BatchWriteItem)$/)]),
        );
      }
    });

    it('read-write functions can write the table', () => {
      const writeRoutes = routes.filter((route) => route.tableAccess === 'read-write');
      expect(writeRoutes.length).toBeGreaterThan(0);
      const writers = [...writeRoutes.map((route) => routeFunction(route.id)), testApp.stack.seed.handler, testApp.stack.deadlineCheck.handler, testApp.stack.changeDetection.handler];
      for (const fn of writers) {
        expect(actionsOf(template, fn), fn.node.path).toEqual(
          expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
        );
      }
    });

    it('each function writes logs only to its own log group', () => {
      for (const fn of allFunctions()) {
        template.hasResourceProperties('AWS::IAM::Policy', {
          Roles: [ref(cfn(fn.role))],
          PolicyDocument: {
            Statement: Match.arrayWith([
              { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arnOf(cfn(fn.logGroup)) },
            ]),
          },
        });
      }
    });
  });

  describe('HTTP API', () => {
    it('has exactly one route per route-table entry, each integrated with its own function', () => {
      const found = template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>;
      expect(Object.values(found).map((route) => route.Properties['RouteKey']).sort()).toEqual(
        routes.map((route) => `${route.method} ${route.path}`).sort(),
      );
      for (const route of routes) {
        const integration = onlyResource(
          template.findResources('AWS::ApiGatewayV2::Integration', {
            Properties: { IntegrationUri: arnOf(cfn(routeFunction(route.id).function)) },
          }) as Record<string, Resource>,
        );
        expect(integration.Properties['IntegrationType']).toBe('AWS_PROXY');
      }
    });

    it('has one JWT authorizer that trusts the user pool as issuer and its app client as audience', () => {
      const authorizer = onlyResource(template.findResources('AWS::ApiGatewayV2::Authorizer') as Record<string, Resource>);
      const { users } = testApp.stack;
      expect(authorizer.Properties).toMatchObject({
        ApiId: ref(cfn(testApp.stack.api.api)),
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [ref(cfn(users.apiClient))] },
      });
      const { Issuer } = authorizer.Properties['JwtConfiguration'] as { Issuer: unknown };
      expect(Issuer).toEqual({
        'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', ref(cfn(users.userPool))]],
      });
    });

    it('guards every admin and user route with the JWT authorizer', () => {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      const guarded = routes.filter((route) => route.auth !== 'public');
      expect(guarded.filter((route) => route.auth === 'admin').length).toBeGreaterThan(0);
      for (const route of guarded) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      }
    });

    it('leaves public routes without an authorizer', () => {
      const publicRoutes = routes.filter((route) => route.auth === 'public');
      expect(publicRoutes.length).toBeGreaterThan(0);
      for (const route of publicRoutes) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: 'NONE',
          AuthorizerId: Match.absent(),
        });
      }
    });

    it('throttles the default stage and writes JSON access logs to a log group with retention', () => {
      const stage = onlyResource(template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>);
      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
        AccessLogSettings: { DestinationArn: arnOf(cfn(testApp.stack.api.accessLogGroup)) },
      });
      const { Format } = stage.Properties['AccessLogSettings'] as { Format: string };
      expect(JSON.parse(Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    it('allows browsers to GET and outputs its URL', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.objectLike({ AllowMethods: ['GET'] }),
      });
      template.hasOutput('ApiUrl', {});
    });
  });

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
      expect(PasswordPolicy).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
      expect(PasswordPolicy['MinimumLength']).toBeGreaterThanOrEqual(12);
      expect(pool.Properties).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
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
        UserPoolId: ref(cfn(testApp.stack.users.userPool)),
      });
      expect(ADMIN_GROUP).toBe('admins');
    });

    it('get tokens through a public app client with password and SRP sign-in', () => {
      template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      const client = onlyResource(template.findResources('AWS::Cognito::UserPoolClient') as Record<string, Resource>);
      expect(client.Properties).toMatchObject({
        UserPoolId: ref(cfn(testApp.stack.users.userPool)),
        GenerateSecret: false,
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
      });
      expect([...(client.Properties['ExplicitAuthFlows'] as string[])].sort()).toEqual(
        ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
      );
    });

    it('are found through the UserPoolId and UserPoolClientId outputs', () => {
      template.hasOutput('UserPoolId', { Value: ref(cfn(testApp.stack.users.userPool)) });
      template.hasOutput('UserPoolClientId', { Value: ref(cfn(testApp.stack.users.apiClient)) });
    });
  });

  describe('scheduled deadline check', () => {
    const queueArn = () => arnOf(cfn(testApp.stack.deadlineCheck.deadLetters.queue));

    it('runs daily at 06:00 UTC, retrying a failed delivery twice within two hours into the dead-letter queue', () => {
      template.resourceCountIs('AWS::Events::Rule', 1);
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'cron(0 6 * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: arnOf(cfn(testApp.stack.deadlineCheck.handler.function)),
            Id: Match.anyValue(),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
            DeadLetterConfig: { Arn: queueArn() },
          },
        ],
      });
    });

    it('has a minute and 512 MB, and dead-letters runs that failed all its bounded retries', () => {
      const fn = testApp.stack.deadlineCheck.handler;
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.handler',
        Timeout: 60,
        MemorySize: 512,
        DeadLetterConfig: { TargetArn: queueArn() },
        LoggingConfig: { LogGroup: ref(cfn(fn.logGroup)) },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: ref(cfn(fn.function)),
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 7200,
      });
      expect(actionsOf(template, fn)).toContain('sqs:SendMessage');
    });

    it('may be invoked by its rule only', () => {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(cfn(testApp.stack.deadlineCheck.handler.function)),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(cfn(testApp.stack.deadlineCheck.rule)),
      });
    });

    it('dead-letters into an encrypted, TLS-only queue that only its rule and function write to', () => {
      expect(resourceOf(cfn(testApp.stack.deadlineCheck.deadLetters.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(testApp.stack.deadlineCheck.deadLetters.queue))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { ArnEquals: { 'aws:SourceArn': arnOf(cfn(testApp.stack.deadlineCheck.rule)) } },
            }),
          ]),
        },
      });
    });

    it('raises an alarm as soon as a dead letter is waiting', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(testApp.stack.deadlineCheck.deadLetters.queue)), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });
  });

  describe('change detection', () => {
    const consumer = () => testApp.stack.changeDetection;
    const queueArn = () => arnOf(cfn(consumer().failures.queue));
    const streamArn = () => ({ 'Fn::GetAtt': [logicalId(cfn(testApp.stack.table.table)), 'StreamArn'] });
    const mapping = (): Resource =>
      onlyResource(
        template.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: ref(cfn(consumer().handler.function)) },
        }) as Record<string, Resource>,
      );

    it('reads the table stream with exactly the batching and retries of changeDetectionStream', () => {
      expect(mapping().Properties).toMatchObject({
        EventSourceArn: streamArn(),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: changeDetectionStream.batchSize,
        MaximumBatchingWindowInSeconds: changeDetectionStream.maxBatchingWindowSeconds,
        MaximumRetryAttempts: changeDetectionStream.retryAttempts,
        MaximumRecordAgeInSeconds: changeDetectionStream.maxRecordAgeSeconds,
        BisectBatchOnFunctionError: changeDetectionStream.bisectBatchOnError,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(changeDetectionStream.reportBatchItemFailures).toBe(true);
    });

    it('filters with the very patterns of changeDetectionStream, as the local poller does', () => {
      const { Filters } = mapping().Properties['FilterCriteria'] as { Filters: { Pattern: string }[] };
      expect(Filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual(changeDetectionStream.filterPatterns);
      // Byte-identical too: the pattern string is exactly what the config serialises to.
      expect(Filters.map((filter) => filter.Pattern)).toEqual(changeDetectionStream.filterPatterns.map((pattern) => JSON.stringify(pattern)));
    });

    it('sends batches that failed every attempt to an encrypted, TLS-only queue kept 14 days', () => {
      expect(mapping().Properties['DestinationConfig']).toEqual({ OnFailure: { Destination: queueArn() } });
      expect(resourceOf(cfn(consumer().failures.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(consumer().failures.queue))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('raises an alarm as soon as a failure record is waiting', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(consumer().failures.queue)), 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });

    it('has a minute and 512 MB', () => {
      expect(resourceOf(cfn(consumer().handler.function)).Properties).toMatchObject({ Timeout: 60, MemorySize: 512 });
    });

    it('may read the stream, write alert events and send to its queue, but not manage the table', () => {
      const fn = consumer().handler;
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [ref(cfn(fn.role))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']),
              Resource: streamArn(),
            }),
          ]),
        },
      });
      // A separate assertion: Match.arrayWith expects its elements in order, and the statements' order is CDK's business.
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [ref(cfn(fn.role))],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: queueArn() })]) },
      });
      const actions = actionsOf(template, fn);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:ListStreams', 'dynamodb:PutItem', 'sqs:SendMessage']));
      expect(actions).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(dynamodb:(\*|DeleteTable|UpdateTable|CreateTable)|sqs:(\*|DeleteQueue|ReceiveMessage|PurgeQueue))$/)]),
      );
    });
  });

  describe('reference data seed', () => {
    it('is a custom resource served by the seed function, versioned by its bundle', () => {
      const seedFunction = template.toJSON()['Resources'][logicalId(cfn(testApp.stack.seed.handler.function))] as Resource;
      const { S3Key } = seedFunction.Properties['Code'] as { S3Key: string };
      template.hasResourceProperties('Custom::ReferenceDataSeed', {
        ServiceToken: arnOf(cfn(testApp.stack.seed.handler.function)),
        SeedVersion: S3Key.replace(/\.zip$/, ''),
      });
    });
  });

  it('raises no CDK warnings or errors', () => {
    const annotations = Annotations.fromStack(testApp.stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });
});

describe('dev stack (-c dev=true)', () => {
  let testApp: TestApp;
  let template: Template;
  beforeAll(() => {
    testApp = createTestApp({ context: { dev: 'true' } });
    template = Template.fromStack(testApp.stack);
  });
  afterAll(() => testApp.dispose());

  it('destroys the table without deletion protection', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('destroys its user pool without deletion protection', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  });

  it('destroys its log groups', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(logGroups.map((logGroup) => logGroup.DeletionPolicy)).toEqual(logGroups.map(() => 'Delete'));
  });
});

describe('checkSchedule context', () => {
  it('replaces the default schedule (-c checkSchedule=rate(1 hour))', () => {
    const testApp = createTestApp({ context: { checkSchedule: 'rate(1 hour)' } });
    try {
      Template.fromStack(testApp.stack).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    } finally {
      testApp.dispose();
    }
  });

  it('rejects anything but a cron(...) or rate(...) expression at synth time', () => {
    const app = new App({ context: { checkSchedule: 'daily at six' } });
    try {
      expect(() => checkSchedule(app)).toThrow(/cron\(\.\.\.\) or rate\(\.\.\.\)/);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  });
});

describe('cdk-nag', () => {
  const packs = [
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ] as const;

  it.each(packs)('%s finds nothing unacknowledged (errors or warnings)', (_name, createPack) => {
    const testApp = createTestApp();
    try {
      const report = createPack().validateScope(testApp.app);
      const findings = report.violations.map(
        (violation) => `${violation.severity} ${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
      );
      expect(findings).toEqual([]);
      expect(report.success).toBe(true);
    } finally {
      testApp.dispose();
    }
  });

  it('lets synth pass with both packs attached as bin/app.ts attaches them', () => {
    const testApp = createTestApp();
    try {
      Validations.of(testApp.app).addPlugins(new AwsSolutionsChecks(testApp.app), new ServerlessChecks(testApp.app));
      // Under vitest CDK runs "in memory" and throws on a failed validation instead of setting the exit code.
      expect(() => testApp.app.synth()).not.toThrow();
    } finally {
      testApp.dispose();
    }
  });
});
