import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import { waveAnnouncementSchema } from '../../core/delivery/delivery-job-schema.ts';
import { type PlanWaveDependencies, planWave } from '../../core/delivery/plan-wave.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { queueBatchHandler } from './queue-batch.ts';

/**
 * The planner, fed by the wave queue after the grouping window: plans each announced wave once
 * (or the part of it not planned yet). A wave another planner holds is announced again.
 */
export const handlerFor = (deps: PlanWaveDependencies) =>
  queueBatchHandler({
    what: 'wave announcement',
    schema: waveAnnouncementSchema,
    concurrency: 1,
    reserveMillis: 0,
    process: async ({ waveId }) => {
      const outcome = await planWave(waveId, deps);
      logger.info('wave planned', { waveId, ...outcome });
      return { status: outcome.status, retry: false };
    },
  });

export const handler = lazyHandler(() => handlerFor(aws.wavePlanning()));
