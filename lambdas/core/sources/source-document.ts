import { z } from 'zod';
import { isoDateSchema } from '../validation/common-schemas.ts';

/**
 * A UN document a feed announced, in the one shape every feed adapter produces. `url` is absent
 * when the feed gave no link the service could use.
 */
export const sourceDocumentSchema = z.object({
  symbol: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(2000),
  publishedOn: isoDateSchema,
  /** Language codes the document is issued in, as the feed names them (`E`, `F`, `English`). */
  languages: z.array(z.string().trim().min(1).max(40)).max(20),
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
});

export type SourceDocument = z.infer<typeof sourceDocumentSchema>;
