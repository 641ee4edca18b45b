import type { Clock } from '../ports/clock.ts';
import type { DeliveryJobQueue } from '../ports/delivery-pipeline.ts';
import type { AlertEventStore, CustomGroupStore, DigestQueue, WatchStore } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import type { ShardJob } from './delivery-job.ts';
import { planDeliveries } from './plan-deliveries.ts';

export interface PlanShardDependencies {
  readonly clock: Clock;
  readonly alertEvents: Pick<AlertEventStore, 'getMany'>;
  readonly watches: Pick<WatchStore, 'inShard'>;
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
  readonly digests: Pick<DigestQueue, 'add'>;
  readonly jobs: DeliveryJobQueue;
}

export interface PlanShardOutcome {
  readonly watches: number;
  readonly matches: number;
  readonly jobs: number;
  readonly digest: number;
}

/**
 * One contact shard of a large wave part: its watches (every watch of its contacts) matched
 * against the part's events, one job per contact. Run again, it enqueues the same jobs.
 */
export const planShard = async (job: ShardJob, deps: PlanShardDependencies): Promise<PlanShardOutcome> => {
  const [events, watches, customGroups] = await Promise.all([
    deps.alertEvents.getMany(job.eventIds),
    deps.watches.inShard(job.shard),
    deps.customGroups.list(),
  ]);
  const planned = planDeliveries(
    { waveId: job.waveId, part: job.part, events },
    watches,
    groupMembership(customGroups),
    deps.clock.now(),
  );
  if (planned.digest.length > 0) await deps.digests.add(planned.digest);
  await deps.jobs.enqueueDeliveries(planned.jobs);
  return {
    watches: watches.length,
    matches: planned.matches,
    jobs: planned.jobs.length,
    digest: planned.digest.length,
  };
};
