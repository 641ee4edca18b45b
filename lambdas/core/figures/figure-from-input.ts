import { invalidInput } from '../errors.ts';
import type { MetricCatalogue } from '../ports/stores.ts';
import type { IsoDate } from '../time/calendar-date.ts';
import type { Figure, FigureAmount, Metric } from './figure.ts';
import type { FigureInput } from './figure-schema.ts';

/** Finds a metric in the catalogue or says, naming the field, that there is none. */
export const findMetric = async (metrics: Pick<MetricCatalogue, 'get'>, id: string, field: string): Promise<Metric> => {
  const metric = await metrics.get(id);
  if (!metric)
    throw invalidInput(
      field,
      `Unknown metric "${id}"; GET /metrics lists them, and admins add them with POST /metrics`,
    );
  return metric;
};

/** The schema already demands a value or a full range; this narrows the type accordingly. */
const amountOf = (input: FigureInput, field: string): FigureAmount => {
  if (input.value !== undefined) return { value: input.value };
  if (input.low !== undefined && input.high !== undefined) return { low: input.low, high: input.high };
  throw invalidInput(field, 'is required (or a range: low and high)');
};

/**
 * Turns a validated figure input into a Figure: the unit defaults to the metric's and must match
 * it when given; a figure cannot describe a day that has not come yet.
 */
export const figureFromInput = (
  input: FigureInput,
  context: {
    readonly state: string;
    readonly metric: Metric;
    readonly today: IsoDate;
    readonly recordedAt: string;
    readonly fieldPrefix: string;
  },
): Figure => {
  const field = (name: string) => `${context.fieldPrefix}${name}`;
  if (input.unit !== undefined && input.unit !== context.metric.unit) {
    throw invalidInput(
      field('unit'),
      `must be "${context.metric.unit}", the unit of ${context.metric.id} (or left out)`,
    );
  }
  if (input.asOf > context.today) throw invalidInput(field('asOf'), `${input.asOf} is in the future`);
  return {
    state: context.state,
    metric: context.metric.id,
    ...amountOf(input, field('value')),
    unit: context.metric.unit,
    asOf: input.asOf,
    source: input.source,
    note: input.note,
    recordedAt: context.recordedAt,
  };
};
