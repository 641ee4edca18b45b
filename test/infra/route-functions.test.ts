import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { loadedAtStart } from '../../lib/sdk-vendor-module.ts';
import { routeFunction } from './stack-functions.ts';
import { bundleDirectory, stack, template, templateOf, useSynthesizedStack } from './synthesized-stack.ts';
import { actionsOf, arnOf, cfn, passedAs, resourceOf } from './template-queries.ts';

useSynthesizedStack();

/** What a cold start reads of a function's asset. */
const bundleOf = (directory: string): Buffer[] => loadedAtStart(directory).map((file) => readFileSync(file));
/** Its size once deflated as a zip archive deflates each file: what Lambda's code size limit and cold start see. */
const zipped = (files: readonly Buffer[]): number =>
  files.reduce((sum, file) => sum + deflateRawSync(file, { level: 9 }).length, 0);

describe('SanctionsWatch stack', () => {
  describe('status board page', () => {
    const board = () => routeFunction(stack, 'get-board');

    it('is served at GET /board, public, by its own function', () => {
      templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'GET /board',
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
      templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: arnOf(cfn(board().function)),
      });
    });

    it('has 1 GB, for the CPU that projecting the map and writing the page take', () => {
      expect(resourceOf(templateOf, cfn(board().function)).Properties).toMatchObject({ MemorySize: 1024, Timeout: 10 });
    });

    it('may only read the table', () => {
      const dynamoDbActions = actionsOf(templateOf, board()).filter((action) => action.startsWith('dynamodb:'));
      expect(dynamoDbActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(
        dynamoDbActions.filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)/.test(action)),
      ).toEqual([]);
      expect(actionsOf(templateOf, board()).filter((action) => /^(sns|kms|sqs):/.test(action))).toEqual([]);
    });

    it('is bundled, map data included, within 200 KB zipped', () => {
      const bundle = bundleOf(bundleDirectory(board()));
      expect(zipped(bundle)).toBeLessThanOrEqual(200 * 1024);
      expect(bundle.map((file) => file.toString('utf8')).join('')).toContain('"Topology"');
    });
  });

  describe('feeds', () => {
    const writes = (id: string) =>
      actionsOf(templateOf, routeFunction(stack, id)).filter((action) =>
        /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)/.test(action),
      );

    it('serve the calendar and the Atom feed without an authorizer, read-only: a calendar app or a feed reader sends no token', () => {
      for (const [id, routeKey] of [
        ['get-calendar', 'GET /calendar.ics'],
        ['get-watch-feed', 'GET /watches/{id}/feed.atom'],
      ] as const) {
        templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: routeKey,
          AuthorizationType: 'NONE',
          AuthorizerId: Match.absent(),
        });
        templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Integration', {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: arnOf(cfn(routeFunction(stack, id).function)),
        });
        expect(writes(id), id).toEqual([]);
      }
    });

    it("guard the feed key's rotation with the JWT authorizer, and let it write the key", () => {
      templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'POST /watches/{id}/feed-key',
        AuthorizationType: 'JWT',
        AuthorizerId: Match.anyValue(),
      });
      expect(actionsOf(templateOf, routeFunction(stack, 'rotate-watch-feed-key'))).toEqual(
        expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']),
      );
    });

    it('are bundled with their iCalendar and Atom libraries within 200 KB zipped', () => {
      for (const [id, marker] of [
        ['get-calendar', 'BEGIN:VCALENDAR'],
        ['get-watch-feed', 'http://www.w3.org/2005/Atom'],
      ] as const) {
        const bundle = bundleOf(bundleDirectory(routeFunction(stack, id)));
        expect(zipped(bundle), id).toBeLessThanOrEqual(200 * 1024);
        expect(bundle.map((file) => file.toString('utf8')).join(''), id).toContain(marker);
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
      templateOf(stack.routeFunctions).hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: 'POST /imports',
        AuthorizationType: 'JWT',
        AuthorizerId: passedAs(template, stack.routeFunctions, { Ref: authorizerId }),
      });
      expect(resourceOf(templateOf, cfn(routeFunction(stack, 'create-import').function)).Properties).toMatchObject({
        Timeout: 29,
        MemorySize: 1769,
      });
    });
  });

  it("gives every route function a timeout within API Gateway's 30 s, and the admin's deadline check 29 s for its 193 writes", () => {
    for (const route of routes)
      expect(
        resourceOf(templateOf, cfn(routeFunction(stack, route.id).function)).Properties['Timeout'],
        route.id,
      ).toBeLessThanOrEqual(29);
    expect(resourceOf(templateOf, cfn(routeFunction(stack, 'run-check').function)).Properties).toMatchObject({
      Timeout: 29,
    });
  });
});
