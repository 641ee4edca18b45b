import { logger } from '../../adapters/logger.ts';
import * as aws from '../../aws-dependencies.ts';
import { shardJobSchema } from '../../core/delivery/delivery-job-schema.ts';
import { type PlanShardDependencies, planShard } from '../../core/delivery/plan-shard.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { queueBatchHandler } from './queue-batch.ts';

/** A shard worker: matches one contact shard's watches against a large wave part, one job per contact. */
export const handlerFor = (deps: PlanShardDependencies) =>
  queueBatchHandler({
    what: 'shard job',
    schema: shardJobSchema,
    concurrency: 1,
    reserveMillis: 0,
    process: async (job) => {
      const outcome = await planShard(job, deps);
      logger.info('shard planned', { waveId: job.waveId, part: job.part, shard: job.shard, ...outcome });
      return { status: 'planned', retry: false };
    },
  });

export const handler = lazyHandler(() => handlerFor(aws.shardPlanning()));
