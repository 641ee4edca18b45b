import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import type { MetricCatalogue, ObligationCatalogue } from '../core/ports/stores.ts';
import { seedReferenceData } from '../core/reference/seed-reference-data.ts';
import { customResourceHandler } from './custom-resource.ts';
import { lazyHandler } from './lazy-handler.ts';

/**
 * CloudFormation custom resource: seeds the obligations and metrics catalogues on create and update,
 * and fills the registry's fields into stored obligations that lack them. On delete
 * it keeps the data (the table is retained too) and only acknowledges.
 */
export const handlerFor = (catalogues: {
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
}) =>
  customResourceHandler(() => ({
    physicalResourceId: 'sanctions-watch-reference-data',
    what: 'seeding reference data',
    apply: async () => {
      const outcome = await seedReferenceData(catalogues);
      logger.info('reference data seeded', { ...outcome });
      return {
        reason: `Created ${outcome.created.length}, kept ${outcome.existing.length}, filled in ${outcome.filled.length}`,
        data: {
          created: outcome.created.join(','),
          existing: outcome.existing.join(','),
          filled: outcome.filled.join(','),
        },
      };
    },
  }));

export const handler = lazyHandler(() => handlerFor({ obligations: aws.obligations(), metrics: aws.metrics() }));
