import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import '../../core/validation/zod-messages.ts';
import { invalidInput } from '../../core/errors.ts';

/** A path parameter that the route's path declares; API Gateway always fills it in. */
export const pathParameter = (event: APIGatewayProxyEventV2, name: string): string => {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw invalidInput(name, `Path parameter "${name}" is missing`);
  return decodeURIComponent(value);
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
  const issue = parsed.error.issues[0];
  const field = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path.join('.');
  const message =
    issue?.code === 'unrecognized_keys'
      ? `Unknown query parameter "${field ?? ''}"; this route accepts: ${Object.keys(shape).join(', ') || 'none'}`
      : `Query parameter "${field ?? ''}" ${issue?.message ?? 'is invalid'}`;
  throw invalidInput(field ?? 'query', message);
};
