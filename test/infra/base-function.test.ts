import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_NAME_ENV } from '../../lambdas/contracts/environment.ts';
import { routes } from '../../lambdas/contracts/routes.ts';
import { loadedAtStart } from '../../lib/sdk-vendor-module.ts';
import { allFunctions, routeFunction } from './stack-functions.ts';
import { bundleDirectory, stack, templateOf, templates, useSynthesizedStack } from './synthesized-stack.ts';
import { actionsOf, arnOf, cfn, environmentOf, ref, resourceOf } from './template-queries.ts';

useSynthesizedStack();

describe('SanctionsWatch stack', () => {
  describe('functions', () => {
    it("exist once per route plus the catch-all route's, the seed handler, the migrations, the deadline checker, the change detector, the five of the delivery pipeline, the hourly delivery and source jobs, the AlertEvents publisher, SES's feedback, the SMS spend limit and the admins' MFA check", () => {
      const counts = [...templates.values()].map(
        (template) => Object.keys(template.findResources('AWS::Lambda::Function')).length,
      );
      expect(counts.reduce((sum, count) => sum + count)).toBe(routes.length + 16);
    });

    it('all run Node 24 on arm64 with tracing, explicit memory and timeout, ESM bundles, and no source-map flag to load at cold start', () => {
      for (const template of templates.values())
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

    it("all know the table through TABLE_NAME, but the SMS spend limit, the admins' MFA check and the API's catch-all, which read nothing of it", () => {
      const without = allFunctions(stack).filter((fn) => environmentOf(templateOf, fn)[TABLE_NAME_ENV] === undefined);
      expect(without).toEqual([stack.routeFunctions.unrouted, stack.smsSpendLimit.handler, stack.users.adminMfaCheck]);
    });

    it('each log to their own log group with a retention', () => {
      for (const fn of allFunctions(stack)) {
        expect(resourceOf(templateOf, cfn(fn.function)).Properties['LoggingConfig']).toEqual({
          LogGroup: ref(cfn(fn.logGroup)),
        });
        expect(resourceOf(templateOf, cfn(fn.logGroup)).Properties['RetentionInDays']).toBe(90);
      }
    });

    it("are bundled as minified ESM with the createRequire banner and a linked source map, the SDK's vendor.mjs as well", () => {
      for (const fn of allFunctions(stack)) {
        const assetDir = bundleDirectory(fn);
        for (const loaded of loadedAtStart(assetDir)) {
          const file = path.basename(loaded);
          const bundle = readFileSync(loaded, 'utf8');
          expect(bundle.split('\n')[0], file).toMatch(/createRequire.*import\.meta\.url/);
          expect(bundle.trimEnd(), file).toMatch(new RegExp(`//# sourceMappingURL=${file.replace('.', '\\.')}\\.map$`));
          expect(readFileSync(path.join(assetDir, `${file}.map`), 'utf8'), file).toContain('"mappings"');
        }
      }
    });
  });

  describe('permissions', () => {
    it('no role carries an AWS managed policy', () => {
      for (const template of templates.values())
        template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });

    it('read-only routes cannot write the table', () => {
      const readRoutes = routes.filter((route) => route.tableAccess === 'read');
      for (const route of readRoutes) {
        const actions = actionsOf(templateOf, routeFunction(stack, route.id));
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
        ...writeRoutes.map((route) => routeFunction(stack, route.id)),
        stack.seed.handler,
        stack.migrations.runner.handler,
        stack.deadlineCheck.handler,
        stack.changeDetection.handler,
        stack.delivery.planner.handler,
        stack.delivery.shardWorkers.handler,
        stack.delivery.emailSender.handler,
        stack.delivery.smsSender.handler,
        stack.scheduledDelivery.handler,
      ];
      for (const fn of writers) {
        expect(actionsOf(templateOf, fn), fn.node.path).toEqual(
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
      for (const fn of allFunctions(stack)) {
        templateOf(fn).hasResourceProperties('AWS::IAM::Policy', {
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
});
