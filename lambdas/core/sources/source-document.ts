import * as z from 'zod/mini';
import { httpsUrlSchema, isoDateSchema } from '../validation/common-schemas.ts';

/**
 * A UN document a feed announced, in the one shape every feed adapter produces. `url` is absent
 * when the feed gave no link the service could use.
 */
export const sourceDocumentSchema = z.object({
  symbol: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  publishedOn: isoDateSchema,
  /** Language codes the document is issued in, as the feed names them (`E`, `F`, `English`). */
  languages: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(20)),
  url: z.optional(httpsUrlSchema),
});

export type SourceDocument = z.infer<typeof sourceDocumentSchema>;
