import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { sendCloudFormationResponse } from '../adapters/cloudformation-response.ts';
import { logger } from '../adapters/logger.ts';
import * as aws from '../aws-dependencies.ts';
import type { MetricCatalogue, ObligationCatalogue } from '../core/ports/stores.ts';
import { seedReferenceData } from '../core/reference/seed-reference-data.ts';
import { lazyHandler } from './lazy-handler.ts';

const PHYSICAL_ID = 'sanctions-watch-reference-data';

/**
 * CloudFormation custom resource: seeds the obligations and metrics catalogues on create and update. On delete
 * it keeps the data (the table is retained too) and only acknowledges.
 */
export const handlerFor =
  (catalogues: { readonly obligations: ObligationCatalogue; readonly metrics: MetricCatalogue }) =>
  async (event: CloudFormationCustomResourceEvent, context: Context): Promise<void> => {
    logger.setRequestKeys({ requestId: context.awsRequestId, function: context.functionName });
    try {
      if (event.RequestType === 'Delete') {
        await sendCloudFormationResponse(event, {
          status: 'SUCCESS',
          reason: 'Data kept',
          physicalResourceId: event.PhysicalResourceId,
        });
        return;
      }
      const outcome = await seedReferenceData(catalogues);
      logger.info('reference data seeded', { ...outcome });
      await sendCloudFormationResponse(event, {
        status: 'SUCCESS',
        reason: `Created ${outcome.created.length}, kept ${outcome.existing.length}`,
        physicalResourceId: PHYSICAL_ID,
        data: { created: outcome.created.join(','), existing: outcome.existing.join(',') },
      });
    } catch (error) {
      logger.error('seeding reference data failed', { requestType: event.RequestType, error });
      await sendCloudFormationResponse(event, {
        status: 'FAILED',
        reason: error instanceof Error ? error.message : 'Seeding failed',
        physicalResourceId: event.RequestType === 'Create' ? PHYSICAL_ID : event.PhysicalResourceId,
      });
    }
  };

export const handler = lazyHandler(() => handlerFor({ obligations: aws.obligations(), metrics: aws.metrics() }));
