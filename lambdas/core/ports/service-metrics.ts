import type { ServiceMetricId, serviceMetricCatalogue } from '../../contracts/service-metrics.ts';
import type { AlertEventType } from '../alerts/alert-event.ts';
import type { ChannelKind } from '../watches/watch.ts';

/** What each dimension may hold: closed sets only, so no address, name or id can become a dimension. */
interface DimensionValues {
  readonly channel: ChannelKind;
  readonly type: AlertEventType;
}

type Catalogued = typeof serviceMetricCatalogue;

/** The dimension value a metric takes, or none. */
export type DimensionOf<M extends ServiceMetricId> = Catalogued[M] extends {
  readonly dimension: infer D extends keyof DimensionValues;
}
  ? DimensionValues[D]
  : undefined;

/**
 * The service's counters and timings (lambdas/contracts/service-metrics.ts), as the core records
 * them: a count of 1 by default, or a duration in milliseconds. In AWS they are embedded metric
 * format lines in the function's log; nothing here knows that.
 */
export interface ServiceMetrics {
  record<M extends ServiceMetricId>(
    metric: M,
    ...args: DimensionOf<M> extends undefined ? [value?: number] : [dimension: DimensionOf<M>, value?: number]
  ): void;
}
