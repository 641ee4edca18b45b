import type * as z from 'zod/mini';

/** Text that should hold JSON of the schema's shape, as that value, or undefined for anything else. */
export const parseJsonAs = <T>(schema: z.ZodMiniType<T>, text: string): T | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
};
