import type * as z from 'zod/mini';
import { UnexpectedResponseError } from './api-errors.ts';

/**
 * Checks an answer has what a table is about to print. The schemas are loose (unknown fields are
 * ignored), so a newer API that adds fields still works; one that drops them fails here, clearly.
 */
export const readResponse = <T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at "${issue.path.map(String).join('.')}"` : '';
  throw new UnexpectedResponseError(
    `the answer to ${what} is not what this CLI expects${at}: ${issue?.message ?? 'invalid'}`,
  );
};
