import type { CfnResource } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CORS } from '../../lambdas/contracts/cors.ts';
import { PUBLIC_API_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { needsToken, routes } from '../../lambdas/contracts/routes.ts';
import type { BaseFunction } from '../../lib/constructs/base-function.ts';
import { notifyingRouteThrottle } from '../../lib/constructs/route-functions.ts';
import { findCycle, resourceGraph } from './dependency-cycles.ts';
import { allFunctions, routeFunction } from './stack-functions.ts';
import { stack, template, templateOf, templates, useSynthesizedStack } from './synthesized-stack.ts';
import {
  arnOf,
  asSeenBy,
  cfn,
  environmentOf,
  logicalId,
  onlyResource,
  passedAs,
  type Resource,
  ref,
} from './template-queries.ts';

useSynthesizedStack();

/** The routes, integrations and route functions: the route functions' nested stack. */
const routeTemplate = () => templateOf(stack.routeFunctions);

describe('SanctionsWatch stack', () => {
  describe('HTTP API', () => {
    it('has one route per route-table entry and a HEAD route beside each GET, each integrated with its own function, and a catch-all', () => {
      const found = routeTemplate().findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>;
      const heads = routes.filter((route) => route.method === 'GET').map((route) => `HEAD ${route.path}`);
      expect(heads.length).toBeGreaterThan(0);
      expect(
        Object.values(found)
          .map((route) => route.Properties['RouteKey'])
          .sort(),
      ).toEqual(['$default', ...routes.map((route) => `${route.method} ${route.path}`), ...heads].sort());
      for (const route of routes) {
        const integration = onlyResource(
          routeTemplate().findResources('AWS::ApiGatewayV2::Integration', {
            Properties: { IntegrationUri: arnOf(cfn(routeFunction(stack, route.id).function)) },
          }) as Record<string, Resource>,
        );
        expect(integration.Properties['IntegrationType']).toBe('AWS_PROXY');
      }
    });

    it('routes HEAD of every GET path to the integration of the GET route, under the same authorizer (or none)', () => {
      const routeWith = (key: string) =>
        onlyResource(
          routeTemplate().findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }) as Record<
            string,
            Resource
          >,
        ).Properties;
      for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
        const head = routeWith(`HEAD ${route.path}`);
        expect({ ...head, RouteKey: `GET ${route.path}` }, route.path).toEqual(routeWith(`GET ${route.path}`));
        expect(head['AuthorizationType'], route.path).toBe(needsToken(route) ? 'JWT' : 'NONE');
      }
    });

    it('lets API Gateway invoke each route function by one permission, on its own path with any stage and method, and the catch-all on any path', () => {
      const permissions = Object.values(routeTemplate().findResources('AWS::Lambda::Permission')) as Resource[];
      const permissionsOf = (fn: BaseFunction) =>
        permissions.filter(
          (permission) =>
            JSON.stringify(permission.Properties['FunctionName']) === JSON.stringify(arnOf(cfn(fn.function))),
        );
      expect(permissions).toHaveLength(routes.length + 1);
      for (const [fn, path] of [
        ...routes.map((route) => [routeFunction(stack, route.id), route.path] as const),
        [stack.routeFunctions.unrouted, ''] as const,
      ]) {
        const [permission, ...more] = permissionsOf(fn);
        expect(more, fn.node.path).toEqual([]);
        expect(permission?.Properties, fn.node.path).toMatchObject({
          Action: 'lambda:InvokeFunction',
          Principal: 'apigateway.amazonaws.com',
        });
        expect(JSON.stringify(permission?.Properties['SourceArn']), fn.node.path).toContain(`/*/*${path}"`);
      }
    });

    it('sends every request no route takes to the catch-all function, without a token', () => {
      const [integrationId] = Object.keys(
        routeTemplate().findResources('AWS::ApiGatewayV2::Integration', {
          Properties: { IntegrationUri: arnOf(cfn(stack.routeFunctions.unrouted.function)) },
        }),
      );
      routeTemplate().hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: '$default',
        AuthorizationType: 'NONE',
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
    });

    it('has one JWT authorizer that trusts the user pool as issuer and its app client as audience', () => {
      const authorizer = onlyResource(
        template.findResources('AWS::ApiGatewayV2::Authorizer') as Record<string, Resource>,
      );
      const { users } = stack;
      expect(authorizer.Properties).toMatchObject({
        ApiId: ref(cfn(stack.api.api)),
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
        routeTemplate().hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: 'JWT',
          AuthorizerId: passedAs(template, stack.routeFunctions, { Ref: authorizerId }),
        });
      }
    });

    it('leaves public routes, and the feed whose key is its credential, without an authorizer', () => {
      const publicRoutes = routes.filter((route) => !needsToken(route));
      expect(publicRoutes.length).toBeGreaterThan(0);
      for (const route of publicRoutes) {
        routeTemplate().hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: 'NONE',
          AuthorizerId: Match.absent(),
        });
      }
    });

    it('serves the sign-up, its code check and the manage page without the authorizer, as /confirm is, and throttles the sign-up as a sending route', () => {
      for (const key of [
        'POST /subscriptions',
        'POST /subscriptions/verify',
        'GET /manage',
        'POST /manage',
        'POST /confirm',
      ])
        routeTemplate().hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: key,
          AuthorizationType: 'NONE',
          AuthorizerId: Match.absent(),
        });
      const stage = onlyResource(template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>);
      expect((stage.Properties['RouteSettings'] as Record<string, unknown>)['POST /subscriptions']).toEqual({
        ThrottlingRateLimit: notifyingRouteThrottle.rateLimit,
        ThrottlingBurstLimit: notifyingRouteThrottle.burstLimit,
      });
    });

    it('throttles the default stage and writes JSON access logs to a log group with retention', () => {
      const stage = onlyResource(template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>);
      expect(stage.Properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
        AccessLogSettings: { DestinationArn: arnOf(cfn(stack.api.accessLogGroup)) },
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

    it('creates the throttled routes, and so the nested stack that holds them, before the stage whose RouteSettings name them', () => {
      const [stageId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'));
      const { DependsOn } = template.toJSON()['Resources'][stageId as string] as { DependsOn: string[] };
      const { nestedStackResource } = stack.routeFunctions;
      expect(nestedStackResource).toBeDefined();
      expect(DependsOn).toContain(logicalId(nestedStackResource as CfnResource));
      for (const route of routes.filter((candidate) => candidate.notifies))
        routeTemplate().hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
        });
    });

    it('tells the watch routes, the public sign-up and the senders its URL, and no other function', () => {
      const apiUrl = (template.toJSON()['Outputs'] as Record<string, { Value: unknown }>)['ApiUrl']?.Value;
      expect(apiUrl).toBeDefined();
      const watchRoutes = routes.filter((route) => route.path === '/watches' || route.path.startsWith('/watches/'));
      expect(watchRoutes.map((route) => route.id)).toEqual(
        expect.arrayContaining(['create-watch', 'test-watch', 'preview-watch']),
      );
      const told = [
        ...watchRoutes.map((route) => routeFunction(stack, route.id)),
        routeFunction(stack, 'create-subscription'),
        stack.delivery.emailSender.handler,
        stack.delivery.smsSender.handler,
      ];
      for (const fn of allFunctions(stack)) {
        // The route functions build the same URL from the API id their nested stack is passed.
        expect(environmentOf(templateOf, fn)[PUBLIC_API_URL_ENV], fn.node.path).toEqual(
          told.includes(fn) ? asSeenBy(template, fn, apiUrl) : undefined,
        );
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
      for (const [path, each] of templates)
        expect(findCycle(resourceGraph(each.toJSON()['Resources'] as Record<string, Resource>)), path).toBeUndefined();
    });

    it('allows browsers to GET and outputs its URL', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: {
          AllowMethods: [...CORS.allowMethods],
          AllowOrigins: [...CORS.allowOrigins],
          MaxAge: 86_400,
        },
      });
      template.hasOutput('ApiUrl', {});
    });
  });
});
