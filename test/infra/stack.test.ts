import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import cdkNag from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTopicPrefix } from '../../lambdas/contracts/contact-topics.ts';
import {
  FAILURE_QUEUE_URL_ENV,
  PUBLIC_API_URL_ENV,
  SNS_NOTIFIER_ENV,
  TABLE_NAME_ENV,
} from '../../lambdas/contracts/environment.ts';
import { ADMIN_GROUP } from '../../lambdas/contracts/identity.ts';
import { needsToken, routes } from '../../lambdas/contracts/routes.ts';
import { alertDispatchStream, changeDetectionStream } from '../../lambdas/contracts/streams.ts';
import { tableSchema } from '../../lambdas/contracts/table-schema.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import type { StreamProcessingConfig, TableStreamConsumer } from '../../lib/constructs/table-stream-consumer.ts';
import { checkSchedule, notifyingRouteThrottle } from '../../lib/sanctions-watch-stack.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const { AwsSolutionsChecks, ServerlessChecks } = cdkNag;

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  Metadata?: Record<string, unknown>;
};

const logicalId = (element: CfnElement): string => Stack.of(element).getLogicalId(element);
const ref = (element: CfnElement) => ({ Ref: logicalId(element) });
const arnOf = (element: CfnElement) => ({ 'Fn::GetAtt': [logicalId(element), 'Arn'] });
const cfn = (construct: { node: { defaultChild?: unknown } }): CfnElement => construct.node.defaultChild as CfnElement;

const onlyResource = (found: Record<string, Resource>): Resource => {
  const all = Object.values(found);
  expect(all).toHaveLength(1);
  return all[0] as Resource;
};

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, unknown>;
};

/** Every statement of the role's policies. */
function statementsOf(template: Template, fn: BaseFunction): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([ref(cfn(fn.role))]) },
  }) as Record<string, Resource>;
  return Object.values(policies).flatMap(
    (policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement,
  );
}

const actionList = (statement: Statement): string[] => [statement.Action].flat();

/** Every action the role's policies allow. */
function actionsOf(template: Template, fn: BaseFunction): string[] {
  return statementsOf(template, fn).flatMap(actionList);
}

/** `arn:<partition>:sns:<region>:<account>:<prefix>*` as the template spells it: this account's topics in this region. */
const contactTopicsArn = (prefix: string) => ({
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${prefix}*`],
  ],
});

/** Logical ids each resource refers to (Ref, Fn::GetAtt) or waits for (DependsOn). */
function resourceGraph(
  resources: Record<string, Resource & { DependsOn?: string | string[] }>,
): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => collect(item, into));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string' && value in resources) into.add(value);
        else if (key === 'Fn::GetAtt' && Array.isArray(value) && typeof value[0] === 'string' && value[0] in resources)
          into.add(value[0]);
        else collect(value, into);
      }
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    const edges = new Set<string>([resource.DependsOn ?? []].flat());
    collect(resource.Properties, edges);
    graph.set(id, edges);
  }
  return graph;
}

/** A dependency cycle as a list of logical ids, or undefined: CloudFormation rejects a template with one. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
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
    testApp.stack.alertDispatch.handler,
    testApp.stack.scheduledDelivery.handler,
  ];
  /** The functions that send email or SMS: the notifying routes, the dispatcher and the hourly job. */
  const notifyingFunctions = (): BaseFunction[] => [
    ...routes.filter((route) => route.notifies).map((route) => routeFunction(route.id)),
    testApp.stack.alertDispatch.handler,
    testApp.stack.scheduledDelivery.handler,
  ];
  const environmentOf = (fn: BaseFunction): Record<string, unknown> =>
    (resourceOf(cfn(fn.function)).Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;

  beforeAll(() => {
    // The one real esbuild run of this file: bundle hashes and code layout are under test here.
    testApp = createTestApp({ bundle: true });
    template = Template.fromStack(testApp.stack);
    // About 40 esbuild runs, one per function: over two minutes on a busy two-core machine.
  }, 300_000);
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
    it('exist once per route plus the seed handler, the deadline checker, the change detector, the alert dispatcher and the hourly delivery job', () => {
      template.resourceCountIs('AWS::Lambda::Function', routes.length + 5);
    });

    it('all run Node 24 on arm64 with tracing, explicit memory and timeout, ESM bundles, and no source-map flag to load at cold start', () => {
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
            NODE_OPTIONS: Match.absent(),
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
      const writers = [
        ...writeRoutes.map((route) => routeFunction(route.id)),
        testApp.stack.seed.handler,
        testApp.stack.deadlineCheck.handler,
        testApp.stack.changeDetection.handler,
        testApp.stack.alertDispatch.handler,
        testApp.stack.scheduledDelivery.handler,
      ];
      for (const fn of writers) {
        expect(actionsOf(template, fn), fn.node.path).toEqual(
          expect.arrayContaining([
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
            'dynamodb:BatchWriteItem',
          ]),
        );
      }
    });

    it('each function writes logs only to its own log group', () => {
      for (const fn of allFunctions()) {
        template.hasResourceProperties('AWS::IAM::Policy', {
          Roles: [ref(cfn(fn.role))],
          PolicyDocument: {
            Statement: Match.arrayWith([
              {
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                Effect: 'Allow',
                Resource: arnOf(cfn(fn.logGroup)),
              },
            ]),
          },
        });
      }
    });
  });

  describe('HTTP API', () => {
    it('has exactly one route per route-table entry, each integrated with its own function', () => {
      const found = template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>;
      expect(
        Object.values(found)
          .map((route) => route.Properties['RouteKey'])
          .sort(),
      ).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
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
      const authorizer = onlyResource(
        template.findResources('AWS::ApiGatewayV2::Authorizer') as Record<string, Resource>,
      );
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
      const guarded = routes.filter(needsToken);
      expect(guarded.filter((route) => route.auth === 'admin').length).toBeGreaterThan(0);
      for (const route of guarded) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      }
    });

    it('leaves public routes, and the feed whose key is its credential, without an authorizer', () => {
      const publicRoutes = routes.filter((route) => !needsToken(route));
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

    it('throttles each route that sends email or SMS tighter than the default, and only those', () => {
      const stage = onlyResource(template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>);
      const notifying = routes.filter((route) => route.notifies);
      expect(notifying.length).toBeGreaterThan(0);
      const limit = {
        ThrottlingRateLimit: notifyingRouteThrottle.rateLimit,
        ThrottlingBurstLimit: notifyingRouteThrottle.burstLimit,
      };
      expect(stage.Properties['RouteSettings']).toEqual(
        Object.fromEntries(notifying.map((route) => [`${route.method} ${route.path}`, limit])),
      );
      const defaults = stage.Properties['DefaultRouteSettings'] as typeof limit;
      expect(limit.ThrottlingRateLimit).toBeLessThan(defaults.ThrottlingRateLimit);
      expect(limit.ThrottlingBurstLimit).toBeLessThan(defaults.ThrottlingBurstLimit);
    });

    it('creates the throttled routes before the stage whose RouteSettings name them', () => {
      const [stageId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'));
      const { DependsOn } = template.toJSON()['Resources'][stageId as string] as { DependsOn: string[] };
      for (const route of routes.filter((candidate) => candidate.notifies)) {
        const [routeId] = Object.keys(
          template.findResources('AWS::ApiGatewayV2::Route', {
            Properties: { RouteKey: `${route.method} ${route.path}` },
          }),
        );
        expect(DependsOn, route.id).toContain(routeId);
      }
    });

    it('tells the watch routes, the dispatcher and the hourly job its URL, and no other function', () => {
      const apiUrl = (template.toJSON()['Outputs'] as Record<string, { Value: unknown }>)['ApiUrl']?.Value;
      expect(apiUrl).toBeDefined();
      const watchRoutes = routes.filter((route) => route.path === '/watches' || route.path.startsWith('/watches/'));
      expect(watchRoutes.map((route) => route.id)).toEqual(
        expect.arrayContaining(['create-watch', 'test-watch', 'preview-watch']),
      );
      const told = [
        ...watchRoutes.map((route) => routeFunction(route.id)),
        testApp.stack.alertDispatch.handler,
        testApp.stack.scheduledDelivery.handler,
      ];
      for (const fn of allFunctions()) {
        expect(environmentOf(fn)[PUBLIC_API_URL_ENV], fn.node.path).toEqual(told.includes(fn) ? apiUrl : undefined);
      }
    });

    it('leaves no dependency cycle for CloudFormation (functions know the API URL, the stage waits for routes)', () => {
      // The check itself sees a cycle when there is one.
      expect(
        findCycle(
          new Map([
            ['A', new Set(['B'])],
            ['B', new Set(['A'])],
          ]),
        ),
      ).toEqual(['A', 'B', 'A']);
      expect(findCycle(resourceGraph(template.toJSON()['Resources'] as Record<string, Resource>))).toBeUndefined();
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
      expect(PasswordPolicy).toMatchObject({
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
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
      expect([...(client.Properties['ExplicitAuthFlows'] as string[])].sort()).toEqual([
        'ALLOW_REFRESH_TOKEN_AUTH',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
      ]);
    });

    it('are found through the UserPoolId and UserPoolClientId outputs', () => {
      template.hasOutput('UserPoolId', { Value: ref(cfn(testApp.stack.users.userPool)) });
      template.hasOutput('UserPoolClientId', { Value: ref(cfn(testApp.stack.users.apiClient)) });
    });
  });

  describe('scheduled deadline check', () => {
    const queueArn = () => arnOf(cfn(testApp.stack.deadlineCheck.deadLetters.queue));

    it('runs daily at 06:00 UTC, retrying a failed delivery twice within two hours into the dead-letter queue', () => {
      // This rule and the hourly delivery job's.
      template.resourceCountIs('AWS::Events::Rule', 2);
      expect(resourceOf(cfn(testApp.stack.deadlineCheck.rule)).Properties).toMatchObject({
        ScheduleExpression: 'cron(0 6 * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: arnOf(cfn(testApp.stack.deadlineCheck.handler.function)),
            Id: expect.any(String),
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
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
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
        Dimensions: [
          {
            Name: 'QueueName',
            Value: { 'Fn::GetAtt': [logicalId(cfn(testApp.stack.deadlineCheck.deadLetters.queue)), 'QueueName'] },
          },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
    });
  });

  const streamArn = () => ({ 'Fn::GetAtt': [logicalId(cfn(testApp.stack.table.table)), 'StreamArn'] });
  const mappingOf = (consumer: TableStreamConsumer): Resource =>
    onlyResource(
      template.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: { FunctionName: ref(cfn(consumer.handler.function)) },
      }) as Record<string, Resource>,
    );

  describe.each([
    ['change detection', 'changeDetectionStream', () => testApp.stack.changeDetection, changeDetectionStream],
    ['alert dispatch', 'alertDispatchStream', () => testApp.stack.alertDispatch, alertDispatchStream],
  ] as [string, string, () => TableStreamConsumer, StreamProcessingConfig][])(
    '%s stream consumer',
    (_name, configName, consumer, config) => {
      const queueArn = () => arnOf(cfn(consumer().failures.queue));
      const mapping = () => mappingOf(consumer());

      it(`reads the table stream with exactly the batching and retries of ${configName}`, () => {
        expect(mapping().Properties).toMatchObject({
          EventSourceArn: streamArn(),
          StartingPosition: 'TRIM_HORIZON',
          BatchSize: config.batchSize,
          MaximumBatchingWindowInSeconds: config.maxBatchingWindowSeconds,
          MaximumRetryAttempts: config.retryAttempts,
          MaximumRecordAgeInSeconds: config.maxRecordAgeSeconds,
          BisectBatchOnFunctionError: config.bisectBatchOnError,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
        expect(config.reportBatchItemFailures).toBe(true);
      });

      it(`filters with the very patterns of ${configName}, as the local poller does`, () => {
        const { Filters } = mapping().Properties['FilterCriteria'] as { Filters: { Pattern: string }[] };
        expect(Filters.map((filter) => JSON.parse(filter.Pattern) as unknown)).toEqual(config.filterPatterns);
        // Byte-identical too: the pattern string is exactly what the config serialises to.
        expect(Filters.map((filter) => filter.Pattern)).toEqual(
          config.filterPatterns.map((pattern) => JSON.stringify(pattern)),
        );
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
              Match.objectLike({
                Effect: 'Deny',
                Action: 'sqs:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      });

      it('raises an alarm as soon as a failure record is waiting', () => {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [
            { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(consumer().failures.queue)), 'QueueName'] } },
          ],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          EvaluationPeriods: 1,
          TreatMissingData: 'notBreaching',
        });
      });

      it('may read the stream, write the table and send to its queue, but not manage the table', () => {
        const fn = consumer().handler;
        template.hasResourceProperties('AWS::IAM::Policy', {
          Roles: [ref(cfn(fn.role))],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Action: Match.arrayWith([
                  'dynamodb:DescribeStream',
                  'dynamodb:GetRecords',
                  'dynamodb:GetShardIterator',
                ]),
                Resource: streamArn(),
              }),
            ]),
          },
        });
        // A separate assertion: Match.arrayWith expects its elements in order, and the statements' order is CDK's business.
        template.hasResourceProperties('AWS::IAM::Policy', {
          Roles: [ref(cfn(fn.role))],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: queueArn() }),
            ]),
          },
        });
        const actions = actionsOf(template, fn);
        expect(actions).toEqual(
          expect.arrayContaining(['dynamodb:ListStreams', 'dynamodb:PutItem', 'sqs:SendMessage']),
        );
        expect(actions).not.toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^(dynamodb:(\*|DeleteTable|UpdateTable|CreateTable)|sqs:(\*|DeleteQueue|ReceiveMessage|PurgeQueue))$/,
            ),
          ]),
        );
      });
    },
  );

  describe('change detection', () => {
    it('has a minute and 512 MB', () => {
      expect(resourceOf(cfn(testApp.stack.changeDetection.handler.function)).Properties).toMatchObject({
        Timeout: 60,
        MemorySize: 512,
      });
    });
  });

  describe('alert dispatch', () => {
    it('gathers a minute of alert events (up to 1,000) into one invocation, inserts only', () => {
      expect(alertDispatchStream).toMatchObject({ batchSize: 1000, maxBatchingWindowSeconds: 60 });
      expect(alertDispatchStream.filterPatterns).toEqual([
        { eventName: ['INSERT'], dynamodb: { NewImage: { itemType: { S: ['alert-event'] } } } },
      ]);
      // One batch per shard at a time, so a contact's messages are grouped in one place.
      expect(mappingOf(testApp.stack.alertDispatch).Properties['ParallelizationFactor']).toBeUndefined();
    });

    it('has five minutes and 1,024 MB for a full batch of SNS calls', () => {
      expect(resourceOf(cfn(testApp.stack.alertDispatch.handler.function)).Properties).toMatchObject({
        Timeout: 300,
        MemorySize: 1024,
      });
    });
  });

  describe('scheduled delivery', () => {
    const job = () => testApp.stack.scheduledDelivery;
    const queueArn = () => arnOf(cfn(job().deadLetters.queue));

    it('runs hourly on the hour, retrying a failed delivery twice within the hour into its dead-letter queue', () => {
      expect(resourceOf(cfn(job().rule)).Properties).toMatchObject({
        ScheduleExpression: 'cron(0 * * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: arnOf(cfn(job().handler.function)),
            Id: expect.any(String),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: queueArn() },
          },
        ],
      });
    });

    it('has five minutes and 1,024 MB, reads and writes the table, and dead-letters runs that failed all retries', () => {
      const fn = job().handler;
      expect(resourceOf(cfn(fn.function)).Properties).toMatchObject({
        Timeout: 300,
        MemorySize: 1024,
        DeadLetterConfig: { TargetArn: queueArn() },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: ref(cfn(fn.function)),
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(cfn(fn.function)),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(cfn(job().rule)),
      });
    });

    it('raises an alarm as soon as a run is dead-lettered', () => {
      expect(resourceOf(cfn(job().deadLetters.queue)).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(job().deadLetters.queue)), 'QueueName'] } },
        ],
        Threshold: 0,
      });
    });
  });

  describe('notifications', () => {
    const notifications = () => testApp.stack.notifications;
    const keyArn = () => arnOf(cfn(notifications().key));
    const subscriptionQueue = () => notifications().subscriptionDeadLetters.queue;
    const failuresQueue = () => notifications().deliveryFailures.queue;
    const topics = () => contactTopicsArn(notifications().topicPrefix);

    it('name the contact topics after the stack, within the SNS topic-name rules', () => {
      expect(notifications().topicPrefix).toBe('SanctionsWatch-contact-');
      expect(() => checkTopicPrefix(notifications().topicPrefix)).not.toThrow();
    });

    it('encrypt with one customer-managed key that rotates and is retained', () => {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ EnableKeyRotation: true }),
      });
    });

    it("let SNS use the key only for this account's contact topics", () => {
      const { KeyPolicy } = resourceOf(cfn(notifications().key)).Properties as {
        KeyPolicy: { Statement: Statement[] };
      };
      const forSns = KeyPolicy.Statement.filter((statement) =>
        JSON.stringify(statement.Principal).includes('sns.amazonaws.com'),
      );
      expect(forSns).toHaveLength(1);
      const [statement] = forSns as [Statement];
      expect(statement).toMatchObject({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Resource: '*' });
      expect(actionList(statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
      expect(statement.Condition).toEqual({ ArnLike: { 'aws:SourceArn': topics() } });
    });

    it("dead-letter the subscriptions into a queue encrypted with the key, kept 14 days, that only SNS for this account's contact topics may write to", () => {
      const properties = resourceOf(cfn(subscriptionQueue())).Properties;
      expect(properties).toMatchObject({ KmsMasterKeyId: keyArn(), MessageRetentionPeriod: 14 * 24 * 3600 });
      expect(properties['SqsManagedSseEnabled']).toBeUndefined();
      const policy = onlyResource(
        template.findResources('AWS::SQS::QueuePolicy', {
          Properties: { Queues: [ref(cfn(subscriptionQueue()))] },
        }) as Record<string, Resource>,
      );
      const { Statement: statements } = policy.Properties['PolicyDocument'] as { Statement: Statement[] };
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sqs:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      const allows = statements.filter((statement) => statement.Effect === 'Allow');
      expect(allows).toEqual([
        {
          Sid: expect.any(String),
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: arnOf(cfn(subscriptionQueue())),
          Condition: { ArnLike: { 'aws:SourceArn': topics() } },
        },
      ]);
    });

    it('park failed deliveries in an encrypted, TLS-only queue kept 14 days', () => {
      expect(resourceOf(cfn(failuresQueue())).Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(cfn(failuresQueue()))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('raise an alarm as soon as a message waits in either queue', () => {
      for (const queue of [subscriptionQueue(), failuresQueue()]) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(cfn(queue)), 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          EvaluationPeriods: 1,
          TreatMissingData: 'notBreaching',
        });
      }
    });

    it('give the notifying functions, and only those, the notifier settings', () => {
      const notifying = notifyingFunctions();
      expect(notifying.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['create-watch', 'update-watch', 'request-watch-confirmation', 'test-watch']),
      );
      const settings = {
        [SNS_NOTIFIER_ENV.kmsKeyId]: keyArn(),
        [SNS_NOTIFIER_ENV.deadLetterQueueArn]: arnOf(cfn(subscriptionQueue())),
        [SNS_NOTIFIER_ENV.topicPrefix]: 'SanctionsWatch-contact-',
        [FAILURE_QUEUE_URL_ENV]: ref(cfn(failuresQueue())),
      };
      for (const fn of allFunctions()) {
        const environment = environmentOf(fn);
        if (notifying.includes(fn)) {
          expect(environment, fn.node.path).toMatchObject(settings);
        } else {
          for (const name of Object.keys(settings))
            expect(environment[name], `${fn.node.path} ${name}`).toBeUndefined();
        }
      }
    });

    it('let the notifying functions call only what the SNS adapter calls, on the contact topics; SMS calls alone on *', () => {
      for (const fn of notifyingFunctions()) {
        const sns = statementsOf(template, fn).filter((statement) =>
          actionList(statement).some((action) => action.startsWith('sns:')),
        );
        const onTopics = sns.filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify(topics()));
        const onAnything = sns.filter((statement) => statement.Resource === '*');
        // Every SNS grant is one or the other, and none is mixed with other services' actions.
        expect(onTopics.length + onAnything.length, fn.node.path).toBe(sns.length);
        for (const statement of sns)
          expect(
            actionList(statement).every((action) => action.startsWith('sns:')),
            fn.node.path,
          ).toBe(true);

        expect(onTopics.flatMap(actionList).sort(), fn.node.path).toEqual([
          'sns:CreateTopic',
          'sns:GetSubscriptionAttributes',
          'sns:ListSubscriptionsByTopic',
          'sns:Publish',
          'sns:Subscribe',
        ]);
        // Only email can be subscribed: no queue, function or HTTP endpoint can be attached to a topic.
        const subscribe = onTopics.filter((statement) => actionList(statement).includes('sns:Subscribe'));
        expect(subscribe, fn.node.path).toEqual([
          expect.objectContaining({
            Action: 'sns:Subscribe',
            Condition: { StringEquals: { 'sns:Protocol': 'email' } },
          }),
        ]);
        expect(onAnything.flatMap(actionList).sort(), fn.node.path).toEqual([
          'sns:CheckIfPhoneNumberIsOptedOut',
          'sns:Publish',
        ]);
      }
    });

    it('let the notifying functions use the key for publishing and send to the failures queue, nothing more', () => {
      for (const fn of notifyingFunctions()) {
        const statements = statementsOf(template, fn);
        const kms = statements.filter((statement) => actionList(statement).some((action) => action.startsWith('kms:')));
        expect(kms, fn.node.path).toEqual([expect.objectContaining({ Effect: 'Allow', Resource: keyArn() })]);
        expect(actionList(kms[0] as Statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
        expect(statements, fn.node.path).toContainEqual(
          expect.objectContaining({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Resource: arnOf(cfn(failuresQueue())),
          }),
        );
        expect(actionsOf(template, fn)).not.toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^(sns:\*|sqs:(\*|ReceiveMessage|DeleteMessage|PurgeQueue)|kms:(\*|Encrypt|ReEncrypt.*))$/,
            ),
          ]),
        );
      }
    });

    it('leave every other function without any SNS or KMS permission', () => {
      const notifying = notifyingFunctions();
      const others = allFunctions().filter((fn) => !notifying.includes(fn));
      expect(others.map((fn) => fn.node.id)).toEqual(
        expect.arrayContaining(['get-watch', 'verify-watch', 'preview-watch', 'list-watch-deliveries', 'delete-watch']),
      );
      for (const fn of others) {
        expect(
          actionsOf(template, fn).filter((action) => /^(sns|kms):/.test(action)),
          fn.node.path,
        ).toEqual([]);
      }
    });

    it('are found through the DeliveryFailuresQueueUrl and SubscriptionDeadLetterQueueUrl outputs', () => {
      template.hasOutput('DeliveryFailuresQueueUrl', { Value: ref(cfn(failuresQueue())) });
      template.hasOutput('SubscriptionDeadLetterQueueUrl', { Value: ref(cfn(subscriptionQueue())) });
    });
  });

  it('outputs the API URL, the user pool ids and the two delivery queues', () => {
    expect(Object.keys(template.toJSON()['Outputs'] as object).sort()).toEqual([
      'ApiUrl',
      'DeliveryFailuresQueueUrl',
      'SubscriptionDeadLetterQueueUrl',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });

  describe('reference data seed', () => {
    it('is a custom resource served by the seed function, versioned by its bundle', () => {
      const seedFunction = template.toJSON()['Resources'][
        logicalId(cfn(testApp.stack.seed.handler.function))
      ] as Resource;
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

  describe('status board page', () => {
    const board = () => routeFunction('get-board');

    it('is served at GET /board, public, by its own function', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'GET /board',
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: arnOf(cfn(board().function)),
      });
    });

    it('has 1 GB, for the CPU that projecting the map and writing the page take', () => {
      expect(resourceOf(cfn(board().function)).Properties).toMatchObject({ MemorySize: 1024, Timeout: 10 });
    });

    it('may only read the table', () => {
      const dynamoDbActions = actionsOf(template, board()).filter((action) => action.startsWith('dynamodb:'));
      expect(dynamoDbActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(
        dynamoDbActions.filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)/.test(action)),
      ).toEqual([]);
      expect(actionsOf(template, board()).filter((action) => /^(sns|kms|sqs):/.test(action))).toEqual([]);
    });

    it('is bundled, map data included, within 200 KB zipped', () => {
      const assetDir = (board().function.node.findChild('Code') as Asset).assetPath;
      const bundle = readFileSync(path.join(testApp.app.outdir, assetDir, 'index.mjs'));
      // The deflate a zip archive applies: what Lambda's code size limit and cold start see.
      expect(deflateRawSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(200 * 1024);
      expect(bundle.toString('utf8')).toContain('"Topology"');
    });
  });

  describe('feeds', () => {
    const writes = (id: string) =>
      actionsOf(template, routeFunction(id)).filter((action) =>
        /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)/.test(action),
      );

    it('serve the calendar and the Atom feed without an authorizer, read-only: a calendar app or a feed reader sends no token', () => {
      for (const [id, routeKey] of [
        ['get-calendar', 'GET /calendar.ics'],
        ['get-watch-feed', 'GET /watches/{id}/feed.atom'],
      ] as const) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: routeKey,
          AuthorizationType: 'NONE',
          AuthorizerId: Match.absent(),
        });
        template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: arnOf(cfn(routeFunction(id).function)),
        });
        expect(writes(id), id).toEqual([]);
      }
    });

    it("guard the feed key's rotation with the JWT authorizer, and let it write the key", () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'POST /watches/{id}/feed-key',
        AuthorizationType: 'JWT',
        AuthorizerId: Match.anyValue(),
      });
      expect(actionsOf(template, routeFunction('rotate-watch-feed-key'))).toEqual(
        expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']),
      );
    });

    it('are bundled with their iCalendar and Atom libraries within 200 KB zipped', () => {
      for (const [id, marker] of [
        ['get-calendar', 'BEGIN:VCALENDAR'],
        ['get-watch-feed', 'http://www.w3.org/2005/Atom'],
      ] as const) {
        const bundle = readFileSync(
          path.join(
            testApp.app.outdir,
            (routeFunction(id).function.node.findChild('Code') as Asset).assetPath,
            'index.mjs',
          ),
        );
        expect(deflateRawSync(bundle, { level: 9 }).length, id).toBeLessThanOrEqual(200 * 1024);
        expect(bundle.toString('utf8'), id).toContain(marker);
      }
    });
  });

  describe('bulk import', () => {
    it("is an admin route behind the JWT authorizer, with 1,769 MB (one vCPU) and 29 s: inside API Gateway's 30 s integration timeout", () => {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      expect(routes.find((route) => route.id === 'create-import')).toMatchObject({
        method: 'POST',
        path: '/imports',
        auth: 'admin',
        tableAccess: 'read-write',
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'POST /imports',
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
      expect(resourceOf(cfn(routeFunction('create-import').function)).Properties).toMatchObject({
        Timeout: 29,
        MemorySize: 1769,
      });
    });
  });

  it("gives every route function a timeout within API Gateway's 30 s, and the admin's deadline check 29 s for its 193 writes", () => {
    for (const route of routes)
      expect(resourceOf(cfn(routeFunction(route.id).function)).Properties['Timeout'], route.id).toBeLessThanOrEqual(29);
    expect(resourceOf(cfn(routeFunction('run-check').function)).Properties).toMatchObject({ Timeout: 29 });
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

  it('destroys its notifications key', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
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
      const template = Template.fromStack(testApp.stack);
      template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
      // The hourly delivery job keeps its own schedule.
      template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 * * * ? *)' });
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
        (violation) =>
          `${violation.severity} ${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
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

describe('stream consumer timeouts', () => {
  it('are those of their configs, which the local stream poller gives each invocation too', () => {
    const testApp = createTestApp();
    try {
      const resources = Template.fromStack(testApp.stack).toJSON()['Resources'] as Record<string, Resource>;
      const timeoutOf = (consumer: TableStreamConsumer) =>
        resources[logicalId(cfn(consumer.handler.function))]?.Properties['Timeout'];
      expect([timeoutOf(testApp.stack.changeDetection), timeoutOf(testApp.stack.alertDispatch)]).toEqual([
        changeDetectionStream.timeoutSeconds,
        alertDispatchStream.timeoutSeconds,
      ]);
    } finally {
      testApp.dispose();
    }
  });
});
