import * as z from 'zod/mini';
import { reportFigureInputSchema } from '../figures/figure-schema.ts';
import { httpsUrlSchema, isoDateSchema, slugSchema, text } from '../validation/common-schemas.ts';

const dateAccuracySchema = /* @__PURE__ */ z.lazy(() => z.enum(['day', 'month', 'on-or-before']));

/** Who says a report exists: the page read (https only) and the day it was read. */
const reportSourceSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    kind: z.enum(['un-document', 'press']),
    publisher: text(120),
    url: httpsUrlSchema,
    readOn: isoDateSchema,
  }),
);

/** `POST /states/{code}/reports`: a report and, optionally, the figures it gives. */
export const reportInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    obligationId: slugSchema,
    reportDate: isoDateSchema,
    dateAccuracy: z.optional(dateAccuracySchema),
    receivedOn: z.optional(isoDateSchema),
    publishedOn: z.optional(isoDateSchema),
    public: z._default(z.boolean(), true),
    symbol: z.optional(text(64)),
    url: z.optional(httpsUrlSchema),
    note: z.optional(text(2000)),
    source: z.optional(reportSourceSchema),
    figures: z.optional(
      z.array(reportFigureInputSchema).check(
        z.maxLength(50),
        // One figure per metric and date: a report cannot say two things of the same as-of day.
        z.superRefine((figures: { metric: string; asOf: string }[], context) => {
          const first = new Map<string, number>();
          figures.forEach(({ metric, asOf }, index) => {
            const key = `${metric}\n${asOf}`;
            const earlier = first.get(key);
            if (earlier === undefined) first.set(key, index);
            else
              context.issues.push({
                code: 'custom',
                input: figures[index],
                path: [index],
                message: `repeats figures.${earlier} (${metric} as of ${asOf})`,
              });
          });
        }),
      ),
    ),
  }),
);

export type ReportInput = z.infer<typeof reportInputSchema>;

/** A report as it is stored and read back. */
export const storedReportSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    state: z.string().check(z.regex(/^[A-Z]{2}$/)),
    obligationId: slugSchema,
    reportDate: isoDateSchema,
    dateAccuracy: z.optional(dateAccuracySchema),
    receivedOn: z.optional(isoDateSchema),
    publishedOn: z.optional(isoDateSchema),
    public: z.boolean(),
    symbol: z.optional(z.string()),
    url: z.optional(z.string()),
    note: z.optional(z.string()),
    source: z.optional(
      z.object({
        kind: z.enum(['un-document', 'press']),
        publisher: z.string(),
        url: z.string(),
        readOn: isoDateSchema,
      }),
    ),
    recordedAt: z.string(),
  }),
);
