import * as z from 'zod/mini';

/** A figure as the API returns it, with only what the tables print. */
export const figureSchema = z.object({
  state: z.string(),
  metric: z.string(),
  unit: z.string(),
  asOf: z.string(),
  value: z.optional(z.number()),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  source: z.object({ kind: z.string(), ref: z.optional(z.string()) }),
});
export type FigureView = z.infer<typeof figureSchema>;

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `11,490`, or a range `50,000–80,000`, as the UN's reports print them. */
export const amountOf = (figure: FigureView): string =>
  figure.value === undefined
    ? `${count.format(figure.low ?? 0)}–${count.format(figure.high ?? 0)}`
    : count.format(figure.value);

export const sourceOf = (figure: FigureView): string =>
  figure.source.ref === undefined ? figure.source.kind : `${figure.source.kind}: ${figure.source.ref}`;

export const figureRow = (figure: FigureView): string[] => [
  figure.metric,
  amountOf(figure),
  figure.unit,
  figure.asOf,
  sourceOf(figure),
];

export const figureHeader = ['METRIC', 'AMOUNT', 'UNIT', 'AS OF', 'SOURCE'];
