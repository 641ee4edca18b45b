import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routes } from '../../lambdas/contracts/routes.ts';
import { openApiDocument } from '../../lambdas/core/api/openapi-document.ts';
import { routeContracts } from '../../lambdas/core/api/route-contracts.ts';
import { openApiFileUrl, renderOpenApiFile } from '../../scripts/openapi-file.ts';

const document = openApiDocument();

type Operation = {
  security: Record<string, string[]>[];
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
  'x-codeSamples': { source: string }[];
};
const operationOf = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('is checked in as npm run openapi writes it', () => {
    const checkedIn = readFileSync(openApiFileUrl, 'utf8');

    // A stale copy: run `npm run openapi` and commit docs/openapi.json.
    expect(checkedIn === renderOpenApiFile()).toBe(true);
  });

  it('describes every route of the route table, with its path parameters and an example', () => {
    for (const route of routes) {
      const operation = operationOf(route.method, route.path);
      const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParameters);
      expect(operation?.['x-codeSamples'][0]?.source).toContain(`curl -X ${route.method}`);
    }
  });

  it('describes HEAD of every GET route: its parameters and credentials, its statuses and headers, no bodies', () => {
    const gets = routes.filter((route) => route.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const route of gets) {
      const get = operationOf('GET', route.path);
      const head = operationOf('HEAD', route.path);

      expect(head, route.path).toBeDefined();
      expect(head?.parameters).toEqual(get?.parameters);
      expect(head?.security).toEqual(get?.security);
      expect(Object.keys(head?.responses ?? {})).toEqual(Object.keys(get?.responses ?? {}));
      expect(JSON.stringify(head?.responses)).not.toContain('"content"');
      expect(head?.['x-codeSamples'][0]?.source).toMatch(/^curl -I "/);
    }
    expect(operationOf('HEAD', '/states')?.responses['200']).toMatchObject({ headers: { ETag: expect.anything() } });
    expect(operationOf('HEAD', '/watches')).toBeDefined();
    expect(operationOf('HEAD', '/states/{code}/reports')).toBeUndefined();
  });

  it('says that a method a path does not take is answered 405 with Allow, HEAD wherever GET', () => {
    expect(document.info.description).toContain('405 with an `Allow` header');
    expect(document.info.description).toContain('HEAD wherever GET');
  });

  it('asks a bearer token of user and admin routes, the feed key of the feed, and nothing of public routes', () => {
    expect(operationOf('POST', '/watches')?.security).toEqual([{ bearer: [] }]);
    expect(operationOf('POST', '/states/{code}/reports')?.security).toEqual([{ bearer: [] }]);
    expect(operationOf('GET', '/watches/{id}/feed.atom')?.security).toEqual([{ feedKey: [] }]);
    expect(operationOf('GET', '/states')?.security).toEqual([]);
  });

  it('answers bad input with the shared error body, tokens and admin rights with 401 and 403, a known ETag with 304', () => {
    expect(Object.keys(operationOf('GET', '/states')?.responses ?? {})).toEqual(['200', '304', '400']);
    expect(Object.keys(operationOf('GET', '/watches/{id}')?.responses ?? {})).toEqual([
      '200',
      '304',
      '400',
      '401',
      '403',
      '404',
    ]);
    expect(Object.keys(operationOf('POST', '/watches')?.responses ?? {})).toEqual(['201', '400', '401', '403', '429']);
    expect(document.components.responses.InvalidInput.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });

  it('gives each route an example its own schemas accept', () => {
    for (const [id, contract] of Object.entries(routeContracts)) {
      const { body, query } = contract.example;
      if (query !== undefined) expect(z.strictObject(contract.query ?? {}).safeParse(query).success, id).toBe(true);
      if (body !== undefined && contract.body) expect(contract.body.schema.safeParse(body).error, id).toBeUndefined();
    }
  });
});
