import { EmfMetrics } from '../lambdas/adapters/emf-metrics.ts';
import type { ServiceMetrics } from '../lambdas/core/ports/service-metrics.ts';

/** The functions' metrics at their cost: each document built and serialized as the logger would, then dropped. */
export const benchMetrics: ServiceMetrics = new EmfMetrics((document) => void JSON.stringify(document));
