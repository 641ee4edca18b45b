import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import '../../core/validation/zod-messages.ts';
import { type DomainError, invalidInput } from '../../core/errors.ts';

/** A path parameter that the route's path declares; API Gateway always fills it in. */
export const pathParameter = (event: APIGatewayProxyEventV2, name: string): string => {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw invalidInput(name, `Path parameter "${name}" is missing`);
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape such as `%E0%A4%A` is the caller's mistake, not ours.
    throw invalidInput(name, `Path parameter "${name}" is not valid percent-encoded UTF-8`);
  }
};

/**
 * Parses the query string against the route's schema. Unknown parameters are refused, so a typo
 * such as `?gruop=africa` is an error the caller sees, not a filter silently ignored.
 */
export const queryParameters = <Shape extends z.core.$ZodLooseShape>(
  event: APIGatewayProxyEventV2,
  shape: Shape,
): z.infer<z.ZodMiniObject<Shape, z.core.$strict>> => {
  const parsed = z.strictObject(shape).safeParse(event.queryStringParameters ?? {});
  if (parsed.success) return parsed.data;
  throw invalidFrom(parsed.error, 'query parameter');
};

/** Generous for a report with its figures; anything larger is a mistake, not data. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Turns zod's first issue into a 400 naming the field by its dotted path, e.g. `figures.0.asOf`. */
const invalidFrom = (error: z.core.$ZodError, noun: 'field' | 'query parameter'): DomainError => {
  const issue = error.issues[0];
  const path = (issue?.path ?? []).map(String);
  if (issue?.code === 'unrecognized_keys') {
    // An empty name is shown quoted, so the answer still names where the fault is.
    const key = issue.keys[0] || '""';
    const field = [...path, key].join('.');
    return invalidInput(field, `Unknown ${noun} ${key === '""' ? field : `"${field}"`}`);
  }
  const field = path.join('.') || 'body';
  return invalidInput(
    field,
    `${noun === 'field' ? 'Field' : 'Query parameter'} "${field}" ${issue?.message ?? 'is invalid'}`,
  );
};

/** The body as text, whether API Gateway passed it as it came or base64-encoded it; at most `maxBytes`. */
export const textBody = (event: APIGatewayProxyEventV2, maxBytes: number): string => {
  const raw =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  if (Buffer.byteLength(raw) > maxBytes) throw invalidInput('body', `The body is larger than ${maxBytes} bytes`);
  return raw;
};

/** Parses the JSON body against the route's schema: non-JSON, oversize or invalid bodies are a 400 naming the field. */
export const jsonBody = <T>(
  event: APIGatewayProxyEventV2,
  schema: z.ZodMiniType<T>,
  options: { readonly optional?: boolean } = {},
): T => {
  const raw = textBody(event, MAX_BODY_BYTES);
  let parsed: unknown;
  if (raw.trim() === '') {
    if (!options.optional) throw invalidInput('body', 'A JSON body is required');
    parsed = {};
  } else {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalidInput('body', 'The body is not valid JSON');
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw invalidFrom(result.error, 'field');
  return result.data;
};

/** Checks an input already read from the body (a form's fields, say) against a schema: a 400 naming the field otherwise. */
export const parsedInput = <T>(value: unknown, schema: z.ZodMiniType<T>): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidFrom(result.error, 'field');
  return result.data;
};
