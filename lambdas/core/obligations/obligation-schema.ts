import * as z from 'zod/mini';
import '../validation/zod-messages.ts';
import { parseIsoDate, type IsoDate } from '../time/calendar-date.ts';

export const slugSchema = z
  .string()
  .check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "2397-p8-midterm"'));

export const isoDateSchema = z.pipe(
  z.string().check(z.refine((raw) => parseIsoDate(raw) !== undefined, 'must be a calendar date in the form YYYY-MM-DD')),
  z.transform((raw) => raw as IsoDate),
);

const text = (max: number, min = 1) => z.string().check(z.minLength(min), z.maxLength(max));

/** The shape of an obligation wherever it comes from: an admin's request or a stored item. */
export const obligationSchema = z.object({
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
  source: z.object({ document: text(200), url: z.optional(z.url()) }),
});
