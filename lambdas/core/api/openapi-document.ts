import * as z from 'zod/mini';
import { needsToken, type RouteDefinition, routes } from '../../contracts/routes.ts';
import { storedAlertEventSchema } from '../alerts/alert-event-schema.ts';
import { metricSchema, storedFigureSchema } from '../figures/figure-schema.ts';
import { obligationResponseSchema } from '../obligations/obligation-response-schema.ts';
import { memberStateSchema } from '../reference/reference-response-schema.ts';
import { storedReportSchema } from '../reports/report-schema.ts';
import { obligationStatusSchema } from '../status/status-response-schema.ts';
import { watchViewSchema } from '../watches/watch-response-schema.ts';
import { errorResponseSchema } from './error-response-schema.ts';
import { type RouteContract, routeContracts } from './route-contracts.ts';

type JsonSchema = Record<string, unknown>;

/** v1: within it, changes are additive only (README, "API contract"). */
export const API_VERSION = '1.0.0';

/** Schemas many routes share, named once under `components.schemas`: client generators make one type of each. */
const namedSchemas = [
  ['Error', errorResponseSchema],
  ['Watch', watchViewSchema],
  ['MemberState', memberStateSchema],
  ['Figure', storedFigureSchema],
  ['Metric', metricSchema],
  ['Report', storedReportSchema],
  ['Obligation', obligationResponseSchema],
  ['ObligationStatus', obligationStatusSchema],
  ['AlertEvent', storedAlertEventSchema],
] as const;
const named = z.registry<{ id: string }>();
for (const [id, schema] of namedSchemas) named.add(schema, { id });

/**
 * A zod schema as JSON Schema 2020-12, the dialect OpenAPI 3.1 uses, with the named schemas as
 * references to the document's components. The input side is described: what a request must hold,
 * and what a response holds before any client parses it (zod's transforms turn strings into dates
 * on the way in, which JSON never carries).
 */
const described = (schema: z.core.$ZodType): JsonSchema => {
  const json = z.toJSONSchema(schema, { metadata: named, io: 'input', unrepresentable: 'any' });
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
};

/** A schema for use in the document: its dialect is the document's, its named parts are in the components. */
const jsonSchemaOf = (schema: z.ZodMiniType): JsonSchema => {
  const json = described(schema);
  delete json['$schema'];
  delete json['$defs'];
  return json;
};

/** Every named schema, each as its component (a named schema's `$defs` hold it and those it names). */
const componentSchemas = (): Record<string, JsonSchema> =>
  Object.assign({}, ...namedSchemas.map(([, schema]) => described(schema)['$defs'] as JsonSchema));

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** API Gateway's own 401, before any function runs: its body is not the service's error. */
const gatewayUnauthorized = {
  type: 'object',
  properties: { message: { type: 'string', const: 'Unauthorized' } },
  required: ['message'],
};

const errorResponse = (description: string, schema: JsonSchema = ERROR_REF) => ({
  description,
  content: { 'application/json': { schema } },
});

const components = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'A Cognito ID or access token; admin routes also need `admins` in its `cognito:groups` claim.',
    },
    feedKey: {
      type: 'apiKey',
      in: 'query',
      name: 'key',
      description: 'A watch’s feed key (POST /watches/{id}/feed-key): feed readers cannot send a token.',
    },
  },
  schemas: { ...componentSchemas(), GatewayUnauthorized: gatewayUnauthorized },
  responses: {
    InvalidInput: errorResponse('Bad input: `error.field` names the parameter or field at fault.'),
    Unauthorized: errorResponse('No valid token.', {
      anyOf: [ERROR_REF, { $ref: '#/components/schemas/GatewayUnauthorized' }],
    }),
    Forbidden: errorResponse('The token may not do this (an admin route), or a link’s signature is wrong.'),
    NotFound: errorResponse('Nothing by that id, code or key.'),
    TooManyRequests: errorResponse('A sending budget is spent: `error.budget` names it, `Retry-After` says when.'),
  },
};

const pathParameterNames = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

const camelCase = (id: string): string => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

const parametersOf = (route: RouteDefinition, contract: RouteContract) => {
  const path = pathParameterNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(contract.example.path?.[name] === undefined ? {} : { example: contract.example.path[name] }),
  }));
  if (!contract.query) return path;
  const query = jsonSchemaOf(z.strictObject(contract.query));
  const required = new Set((query['required'] as string[] | undefined) ?? []);
  const properties = (query['properties'] ?? {}) as Record<string, JsonSchema>;
  return [
    ...path,
    ...Object.entries(properties).map(([name, schema]) => ({
      name,
      in: 'query',
      required: required.has(name),
      schema,
      ...(contract.example.query?.[name] === undefined ? {} : { example: contract.example.query[name] }),
    })),
  ];
};

const requestBodyOf = (contract: RouteContract) => {
  if (contract.body) {
    const schema = jsonSchemaOf(contract.body.schema);
    const example = contract.example.body === undefined ? {} : { example: contract.example.body };
    return {
      required: !contract.body.optional,
      content: {
        'application/json': { schema, ...example },
        ...(contract.body.form ? { 'application/x-www-form-urlencoded': { schema } } : {}),
      },
    };
  }
  if (contract.rawBody)
    return {
      required: true,
      description: contract.rawBody.description,
      content: Object.fromEntries(contract.rawBody.contentTypes.map((type) => [type, { schema: { type: 'string' } }])),
    };
  return undefined;
};

/** GET answers carry a strong ETag (and are compressed when asked); a matching If-None-Match gets 304 and no body. */
const conditional = {
  headers: { ETag: { description: 'A strong validator of the representation.', schema: { type: 'string' } } },
};
const notModified = { '304': { description: 'Not modified: `If-None-Match` holds the ETag of the 200.' } };

const successOf = (route: RouteDefinition, contract: RouteContract) => {
  const { status, contentType, schema, location } = contract.success;
  if (status === 204) return { [status]: { description: 'Done; no body.' } };
  const body = contentType
    ? { [contentType.split(';')[0] ?? contentType]: { schema: { type: 'string' } } }
    : { 'application/json': { schema: schema ? jsonSchemaOf(schema) : { type: 'object' } } };
  const described = contentType || schema ? '' : ' (its schema is not described yet)';
  const get = route.method === 'GET';
  return {
    [status]: {
      description: `${{ 200: 'OK', 201: 'Created', 202: 'Accepted' }[status]}${described}.`,
      ...(get ? conditional : {}),
      ...(location ? { headers: { Location: { description: location, schema: { type: 'string' } } } } : {}),
      content: body,
    },
    ...(get ? notModified : {}),
  };
};

/** A mailed link's route, whose signature is its credential: a forged or altered one is refused with 403. */
const signedLink = (route: RouteDefinition, contract: RouteContract): boolean =>
  route.auth === 'key' && !usesFeedKey(contract);

const usesFeedKey = (contract: RouteContract): boolean => contract.query !== undefined && 'key' in contract.query;

type ErrorName = keyof typeof components.responses;

/**
 * A refusal's response: the shared one, or for a route that answers a page (a form post, a mailed
 * link) the shared one and a page saying the same, which is what a browser gets.
 */
const refusal = (name: ErrorName, contract: RouteContract) =>
  answersPages(contract) ? withPage(components.responses[name]) : { $ref: `#/components/responses/${name}` };

const answersPages = (contract: RouteContract): boolean =>
  Boolean(contract.success.contentType?.startsWith('text/html') || contract.body?.form);

const withPage = (response: ReturnType<typeof errorResponse>) => ({
  ...response,
  content: { ...response.content, 'text/html': { schema: { type: 'string' } } },
});

/** A 409's response: what clashes, as JSON or, for a route that answers pages, as a page too. */
const conflictResponse = (contract: RouteContract, conflict: string) => {
  const response = errorResponse(`Conflict: ${conflict}.`);
  return answersPages(contract) ? withPage(response) : response;
};

const errorsOf = (route: RouteDefinition, contract: RouteContract) => ({
  '400': refusal('InvalidInput', contract),
  ...(needsToken(route) ? { '401': refusal('Unauthorized', contract) } : {}),
  ...(needsToken(route) || signedLink(route, contract) ? { '403': refusal('Forbidden', contract) } : {}),
  ...(route.path.includes('{') || route.auth === 'key' ? { '404': refusal('NotFound', contract) } : {}),
  ...(contract.conflict ? { '409': conflictResponse(contract, contract.conflict) } : {}),
  ...(route.notifies ? { '429': refusal('TooManyRequests', contract) } : {}),
});

const securityOf = (route: RouteDefinition, contract: RouteContract) => {
  if (needsToken(route)) return [{ bearer: [] }];
  if (route.auth === 'key' && usesFeedKey(contract)) return [{ feedKey: [] }];
  return [];
};

/** A curl command for the route's example: every route gets one, whatever it takes. `curl -I` asks HEAD. */
const curlExample = (route: RouteDefinition, contract: RouteContract, method: string = route.method): string => {
  const { example } = contract;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(example.path?.[name] ?? name));
  const query = example.query ? `?${new URLSearchParams(example.query).toString()}` : '';
  const parts = [`curl ${method === 'HEAD' ? '-I' : `-X ${method}`} "$API${path}${query}"`];
  if (needsToken(route)) parts.push('-H "authorization: Bearer $TOKEN"');
  if (example.body !== undefined)
    parts.push(`-H 'content-type: application/json' -d '${JSON.stringify(example.body)}'`);
  return parts.join(' ');
};

const operationOf = (route: RouteDefinition) => {
  const contract = routeContracts[route.id as keyof typeof routeContracts];
  const requestBody = requestBodyOf(contract);
  return {
    operationId: camelCase(route.id),
    summary: contract.summary,
    tags: [route.auth],
    security: securityOf(route, contract),
    parameters: parametersOf(route, contract),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...successOf(route, contract), ...errorsOf(route, contract) },
    'x-codeSamples': [{ lang: 'Shell', label: 'curl', source: curlExample(route, contract) }],
  };
};

type Response = { readonly description: string; readonly headers?: unknown; readonly content?: unknown };

/** A response as a HEAD gets it: the same status, description and headers, no body (RFC 9110 §9.3.2). */
const withoutBody = (response: Response | { readonly $ref: string }): Response => {
  const resolved = '$ref' in response ? components.responses[response.$ref.split('/').at(-1) as ErrorName] : response;
  return { description: resolved.description, ...('headers' in resolved ? { headers: resolved.headers } : {}) };
};

/** HEAD of a GET route: the same route, parameters and credentials, answered with GET's status and headers only. */
const headOperationOf = (route: RouteDefinition, get: ReturnType<typeof operationOf>) => {
  const contract = routeContracts[route.id as keyof typeof routeContracts];
  const responses = get.responses as Record<string, Response | { readonly $ref: string }>;
  return {
    ...get,
    operationId: `${get.operationId}Head`,
    summary: `${contract.summary}: the headers only`,
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, response]) => [status, withoutBody(response)]),
    ),
    'x-codeSamples': [{ lang: 'Shell', label: 'curl', source: curlExample(route, contract, 'HEAD') }],
  };
};

/** The OpenAPI 3.1 document of every route in the route table, built from the schemas the handlers parse with. */
export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation = operationOf(route);
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation,
      ...(route.method === 'GET' ? { head: headOperationOf(route, operation) } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'sanctions-watch',
      version: API_VERSION,
      description:
        'UN sanctions reporting obligations per member state, and watches that alert subscribers when deadlines pass, reports arrive or figures change. Within v1, changes are additive only; a route or field is announced with a `Deprecation` header before it is removed. Every GET route also answers HEAD, with the status and headers of the GET and no body. A path asked with a method it does not take is answered 405 with an `Allow` header listing the methods it takes (HEAD wherever GET); a path the API does not have, 404.',
    },
    tags: [
      { name: 'public', description: 'Public data: no token.' },
      { name: 'user', description: 'A subscriber’s own watches: a bearer token.' },
      { name: 'admin', description: 'Recording data: a bearer token of the `admins` group.' },
      { name: 'key', description: 'Links in messages and feeds: a key or signature in the query string.' },
    ],
    paths,
    components,
  };
};
