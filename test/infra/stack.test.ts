import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import cdkNag from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAME_ENV, tableSchema } from '../../lambdas/adapters/dynamodb/table-schema.ts';
import { routes } from '../../lambdas/handlers/http/routes.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
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
  const allFunctions = (): BaseFunction[] => [...routes.map((route) => routeFunction(route.id)), testApp.stack.seed.handler];

  beforeAll(() => {
    // The one real esbuild run of this file: bundle hashes and code layout are under test here.
    testApp = createTestApp({ bundle: true });
    template = Template.fromStack(testApp.stack);
  }, 120_000);
  afterAll(() => testApp.dispose());

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
    it('exist once per route plus the seed handler', () => {
      template.resourceCountIs('AWS::Lambda::Function', routes.length + 1);
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
      const writers = [...routes.filter((route) => route.tableAccess === 'read-write').map((route) => routeFunction(route.id)), testApp.stack.seed.handler];
      for (const fn of writers) {
        expect(actionsOf(template, fn)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:DeleteItem']));
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
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: route.auth === 'public' ? 'NONE' : Match.not('NONE'),
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

  it('destroys its log groups', () => {
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(logGroups.map((logGroup) => logGroup.DeletionPolicy)).toEqual(logGroups.map(() => 'Delete'));
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
