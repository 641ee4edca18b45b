import * as z from 'zod/mini';
import { HONEYPOT_FIELD } from '../subscriptions/subscription-form.ts';
import { isoInstantSchema } from '../validation/common-schemas.ts';

/*
 * Request bodies that belong to a route rather than to a domain module: the handlers parse them
 * and the OpenAPI document describes them from the same schema. Lazy, so a function builds only
 * the one it parses.
 */

/** `POST /watches/{id}/verify`: the code texted to the number. */
export const smsCodeBodySchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code texted to the number')),
  }),
);

/** `POST /checks`: the instant to check as of, now when left out. */
export const checkRunBodySchema = /* @__PURE__ */ z.lazy(() => z.strictObject({ at: z.optional(isoInstantSchema) }));

/** The public form's fields, flat as a page posts them (JSON callers send the same names). */
export const subscriptionFormSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    all: z.optional(z.literal(true)),
    states: z.optional(z.array(z.string())),
    groups: z.optional(z.array(z.string())),
    events: z.optional(z.array(z.string())),
    code: z.optional(z.string()),
    action: z.optional(z.string()),
    [HONEYPOT_FIELD]: z.optional(z.string()),
  }),
);
