import * as z from 'zod/mini';

/** `?limit=`: a whole number from 1 to `max`, `fallback` when absent. */
export const limitParameter = (max: number, fallback: number) =>
  z._default(
    z
      .pipe(z.string().check(z.regex(/^\d{1,5}$/, `must be a whole number from 1 to ${max}`)), z.transform(Number))
      .check(z.minimum(1), z.maximum(max)),
    fallback,
  );

/** `?after=`: the opaque `next` of the previous page. */
export const afterParameter = /* @__PURE__ */ z.lazy(() =>
  z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
);
