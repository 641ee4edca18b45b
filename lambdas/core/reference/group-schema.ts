import * as z from 'zod/mini';
import { slugSchema } from '../validation/common-schemas.ts';

/** An admin-defined group, as an admin sends it and as it is stored. */
export const customGroupSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: slugSchema,
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    kind: z.literal('custom'),
    members: z
      .array(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')))
      .check(z.maxLength(193)),
    description: z.optional(z.string().check(z.maxLength(500))),
  }),
);
