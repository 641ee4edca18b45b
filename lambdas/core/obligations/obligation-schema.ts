import * as z from 'zod/mini';
import { httpsUrlSchema, isoDateSchema, slugSchema, text } from '../validation/common-schemas.ts';

/** An obligation's fields wherever it comes from: an admin's request or a stored item. */
export const obligationFields = () => ({
  id: slugSchema,
  resolution: z.string().check(z.regex(/^\d{1,5}$/, 'must be the resolution number, e.g. "2397"')),
  paragraph: text(16),
  title: text(200),
  description: text(2000, 0),
  kind: z.enum(['report', 'action']),
  adoptedOn: isoDateSchema,
  dueOffsetMonths: z.int().check(z.minimum(0), z.maximum(600)),
  dueDate: isoDateSchema,
  appliesTo: z.discriminatedUnion('scope', [
    z.object({ scope: z.literal('all') }),
    z.object({ scope: z.literal('group'), groupId: slugSchema }),
  ]),
  source: z.object({ document: text(200), url: z.optional(httpsUrlSchema) }),
});

/** An obligation as it is stored and read back; built on first use, as every schema here. */
export const obligationSchema = z.lazy(() => z.object(obligationFields()));
