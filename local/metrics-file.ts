import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EmfMetrics } from '../lambdas/adapters/emf-metrics.ts';
import type { ServiceMetrics } from '../lambdas/core/ports/service-metrics.ts';

/**
 * The functions' metrics on this machine: the embedded metric format lines a function's log would
 * carry in AWS, appended to a file of their own (one JSON document a line) so the console stays readable.
 */
export const metricsFileOf = (file: string): ServiceMetrics =>
  new EmfMetrics((document) => appendFileSync(file, `${JSON.stringify(document)}\n`));

/** Where a running service's metrics go when nothing says otherwise: beside its outbox and machine feed. */
export const defaultMetricsFile = (besideFile: string): string => join(dirname(besideFile), 'metrics.jsonl');
