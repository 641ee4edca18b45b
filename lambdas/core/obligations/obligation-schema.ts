import * as z from 'zod/mini';
import { committeeSchema, httpsUrlSchema, isoDateSchema, slugSchema, text } from '../validation/common-schemas.ts';
import { dueMonthsAfterAdoption, type Obligation } from './obligation.ts';
import type { ObligationDue } from './obligation-due.ts';
import { quoteLanguages } from './quote-language.ts';

const offsetSchema = /* @__PURE__ */ z.lazy(() =>
  z.union(
    [
      z.strictObject({ days: z.int().check(z.minimum(1), z.maximum(3650)) }),
      z.strictObject({ months: z.int().check(z.minimum(0), z.maximum(600)) }),
    ],
    'must be { "days": N } or { "months": N }',
  ),
);

const triggerSchema = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('from', [
    z.strictObject({ from: z.literal('adoption') }),
    z.strictObject({
      from: z.literal('named-date'),
      name: text(200),
      date: isoDateSchema,
      sourceUrl: z.optional(httpsUrlSchema),
    }),
  ]),
);

const recurrenceSchema = /* @__PURE__ */ z.lazy(() =>
  z.union(
    [
      z.strictObject({ everyMonths: z.int().check(z.minimum(1), z.maximum(120)) }),
      z.strictObject({ timetable: text(500), dates: z.optional(z.array(isoDateSchema).check(z.maxLength(100))) }),
    ],
    'must be { "everyMonths": N } or { "timetable": "..." }',
  ),
);

/** When an obligation falls due: once, recurring, open-ended or conditional (see obligation-due.ts). */
export const dueSchema = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('once'), within: offsetSchema, trigger: triggerSchema }),
    z.strictObject({
      type: z.literal('recurring'),
      within: offsetSchema,
      trigger: triggerSchema,
      then: recurrenceSchema,
    }),
    z.strictObject({ type: z.literal('open-ended') }),
    z.strictObject({ type: z.literal('conditional'), condition: text(500), within: offsetSchema }),
  ]),
);

/** An obligation's fields wherever it comes from: an admin's request or a stored item. */
export const obligationFields = () => ({
  id: slugSchema,
  resolution: z.string().check(z.regex(/^\d{1,5}$/, 'must be the resolution number, e.g. "2397"')),
  paragraph: text(16),
  title: text(200),
  description: text(2000, 0),
  kind: z.enum(['report', 'action']),
  adoptedOn: isoDateSchema,
  /** The first way to say when: "within N months" of adoption. `due` says it for every kind. */
  dueOffsetMonths: z.optional(z.int().check(z.minimum(0), z.maximum(600))),
  due: z.optional(dueSchema),
  appliesTo: z.discriminatedUnion('scope', [
    z.object({ scope: z.literal('all') }),
    z.object({ scope: z.literal('group'), groupId: slugSchema }),
  ]),
  source: z.object({ document: text(200), url: z.optional(httpsUrlSchema) }),
  committee: z.optional(committeeSchema),
  regime: z.optional(slugSchema),
  quote: z.optional(text(4000)),
  quoteLanguage: z.optional(z.enum(quoteLanguages)),
  reportsRecorded: z.optional(z.boolean()),
});

/** The due date follows from the rule, so an admin never sends one; the rule is `due`, or the older `dueOffsetMonths`. */
export const obligationInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject(obligationFields()).check(
    z.refine((input) => (input.due === undefined) !== (input.dueOffsetMonths === undefined), {
      message: 'give either due or dueOffsetMonths (months after adoption), not both',
      path: ['due'],
    }),
  ),
);

/** The due rule an item or request states, or "within dueOffsetMonths of adoption" for those that predate due rules. */
export const dueOf = (fields: { readonly due?: ObligationDue; readonly dueOffsetMonths?: number }) =>
  fields.due ?? (fields.dueOffsetMonths === undefined ? undefined : dueMonthsAfterAdoption(fields.dueOffsetMonths));

/**
 * An obligation as it is stored and read back; built on first use, as every schema here. Items
 * stored before due rules hold only `dueOffsetMonths`: they read back as due once, that many months
 * after adoption. The registry's committee, regime and quote are not looked up here: the seed
 * writes them into every stored obligation that lacks them (seed-reference-data.ts), so reading
 * an obligation does not carry the registry's text into every function.
 */
export const obligationSchema = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z.object({ ...obligationFields(), dueDate: z.optional(isoDateSchema) }).check(
      z.refine((fields) => dueOf(fields) !== undefined, {
        message: 'must have due or dueOffsetMonths',
        path: ['due'],
      }),
    ),
    z.transform(({ due, dueOffsetMonths, ...rest }): Obligation => {
      const rule = dueOf({ due, dueOffsetMonths }) ?? dueMonthsAfterAdoption(0);
      return {
        ...rest,
        due: rule,
        ...(dueOffsetMonths === undefined ? {} : { dueOffsetMonths }),
      };
    }),
  ),
);
