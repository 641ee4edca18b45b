import * as z from 'zod/mini';

/** Fields the response schemas share, written as the JSON carries them (dates and instants are strings). */
export const isoDateString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const isoInstantString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));

/** `next`: the opaque cursor of the following page, absent on the last. */
export const nextCursor = z.optional(z.string());
