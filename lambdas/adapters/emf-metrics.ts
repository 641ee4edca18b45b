import {
  SERVICE_METRICS_NAMESPACE,
  type ServiceMetricId,
  serviceMetricCatalogue,
} from '../contracts/service-metrics.ts';
import type { ServiceMetrics } from '../core/ports/service-metrics.ts';
import { logger } from './logger.ts';

/** One embedded metric format document: a JSON object CloudWatch Logs turns into a metric value. */
export type EmfDocument = Readonly<Record<string, unknown>>;

/**
 * What a dimension value may look like: a channel or an alert type. The port's types allow
 * nothing else; this is the check at run time, so that an address or a phone number can never
 * reach CloudWatch as a dimension, whatever a caller casts.
 */
const dimensionValue = /^[a-z][a-z0-9.-]{0,39}$/;

/**
 * The document for one value, as the specification lays it out: `_aws` names the namespace, the
 * dimension set and the metric with its unit; the dimension and the value are members of the root.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export const emfDocument = (
  metric: ServiceMetricId,
  value: number,
  dimension: string | undefined,
  timestamp: number,
): EmfDocument => {
  const entry: { readonly name: string; readonly unit: string; readonly dimension?: string } =
    serviceMetricCatalogue[metric];
  const key = entry.dimension;
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: SERVICE_METRICS_NAMESPACE,
          Dimensions: [key === undefined ? [] : [key]],
          Metrics: [{ Name: entry.name, Unit: entry.unit }],
        },
      ],
    },
    ...(key === undefined
      ? {}
      : { [key]: dimension !== undefined && dimensionValue.test(dimension) ? dimension : 'other' }),
    [entry.name]: value,
  };
};

/**
 * The ServiceMetrics port as embedded metric format lines, one per value, written as it is
 * recorded (nothing buffered, so nothing is lost when an invocation fails). In AWS they go to the
 * function's log through the logger, with its request id and function name beside them.
 */
export class EmfMetrics implements ServiceMetrics {
  readonly #write: (document: EmfDocument) => void;
  readonly #now: () => number;

  constructor(write: (document: EmfDocument) => void, now: () => number = Date.now) {
    this.#write = write;
    this.#now = now;
  }

  record(metric: ServiceMetricId, ...args: readonly (string | number | undefined)[]): void {
    const dimensioned = 'dimension' in serviceMetricCatalogue[metric];
    const [first, second] = dimensioned ? args : [undefined, ...args];
    const dimension = typeof first === 'string' ? first : undefined;
    const value = typeof second === 'number' ? second : 1;
    this.#write(emfDocument(metric, value, dimension, this.#now()));
  }
}

/** The functions' metrics: lines of the function's log, through the logger. */
export const loggedMetrics = (): ServiceMetrics => new EmfMetrics((document) => logger.metric(document));
