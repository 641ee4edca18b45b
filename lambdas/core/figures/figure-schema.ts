import * as z from 'zod/mini';
import { WORLD } from '../../contracts/world.ts';
import { httpsUrlSchema, isoDateSchema, storableNumberSchema, text } from '../validation/common-schemas.ts';

/** Metric ids: dotted lowercase slugs such as `work-permits.valid`. */
export const metricIdSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
        'must be a metric id such as "workers.remaining"',
      ),
    ),
);

const metricFields = () => ({
  id: metricIdSchema,
  title: text(120),
  unit: text(32),
  description: text(1000, 0),
});

/** A metric as it is stored and read back. */
export const metricSchema = /* @__PURE__ */ z.lazy(() => z.object(metricFields()));

/** `POST /metrics`: a metric as an admin sends it, and nothing else. */
export const metricInputSchema = /* @__PURE__ */ z.lazy(() => z.strictObject(metricFields()));

const amountSchema = /* @__PURE__ */ z.lazy(() =>
  storableNumberSchema.check(z.minimum(0, 'must not be negative: figures here are counts and amounts')),
);

const sourceSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    kind: z.enum(['un-report', 'national', 'estimate', 'press']),
    ref: z.optional(text(200)),
    url: z.optional(httpsUrlSchema),
    publisher: z.optional(text(120)),
    readOn: z.optional(isoDateSchema),
  }),
);

const figureFields = () => ({
  value: z.optional(amountSchema),
  low: z.optional(amountSchema),
  high: z.optional(amountSchema),
  unit: z.optional(text(32)),
  asOf: isoDateSchema,
  source: sourceSchema,
  note: z.optional(text(1000)),
});

/** Exactly one of: a value, or a full range with low <= high. */
const valueOrRange = z.superRefine((figure: { value?: number; low?: number; high?: number }, context) => {
  const hasValue = figure.value !== undefined;
  const hasRange = figure.low !== undefined || figure.high !== undefined;
  const fail = (field: string, message: string) =>
    context.issues.push({ code: 'custom', input: figure, path: [field], message });
  if (hasValue && hasRange) fail('value', 'give either value or low and high, not both');
  else if (!hasValue && !hasRange) fail('value', 'is required (or a range: low and high)');
  else if (hasRange && figure.low === undefined) fail('low', 'is required with a range');
  else if (hasRange && figure.high === undefined) fail('high', 'is required with a range');
  else if (figure.low !== undefined && figure.high !== undefined && figure.low > figure.high) {
    fail('low', `must not be greater than high (${figure.high})`);
  }
});

/**
 * A figure as an admin sends it: a value, or a range `low`–`high`, never both. The unit may be
 * left out; the metric's unit is then used.
 */
export const figureInputSchema = /* @__PURE__ */ z.lazy(() => z.strictObject(figureFields()).check(valueOrRange));

/** A figure inside a report's `figures`, which names its metric. */
export const reportFigureInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({ ...figureFields(), metric: metricIdSchema }).check(valueOrRange),
);

export type FigureInput = z.infer<typeof figureInputSchema>;

/** A figure as it is stored and read back: exactly the `Figure` type, value or range. */
export const storedFigureSchema = /* @__PURE__ */ z.lazy(() =>
  z.intersection(
    z.object({
      state: z.union([z.string().check(z.regex(/^[A-Z]{2}$/)), z.literal(WORLD)]),
      metric: metricIdSchema,
      unit: text(32),
      asOf: isoDateSchema,
      source: sourceSchema,
      note: z.optional(z.string()),
      recordedAt: z.string(),
    }),
    z.union([z.object({ value: z.number() }), z.object({ low: z.number(), high: z.number() })]),
  ),
);
