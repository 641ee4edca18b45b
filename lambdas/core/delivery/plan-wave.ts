import type { Clock } from '../ports/clock.ts';
import type { DeliveryJobQueue, WaveAnnouncer, WavePart, WavePlans } from '../ports/delivery-pipeline.ts';
import type { AlertEventStore, CustomGroupStore, DigestQueue, WatchStore } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import { allShards } from './contact-shard.ts';
import { planDeliveries } from './plan-deliveries.ts';
import { waveTargets } from './wave-targets.ts';

export interface PlanWaveSettings {
  /** Up to this many candidate watches a part is planned in the planner; more go to the shard workers. */
  readonly directPlanLimit: number;
  /** How long a planner holds a part before another may take it over; within its function's timeout. */
  readonly leaseSeconds: number;
}

export interface PlanWaveDependencies {
  readonly clock: Clock;
  readonly wavePlans: WavePlans;
  readonly alertEvents: Pick<AlertEventStore, 'listWave'>;
  readonly watches: Pick<WatchStore, 'targetingAtMost'>;
  readonly customGroups: Pick<CustomGroupStore, 'list'>;
  readonly digests: Pick<DigestQueue, 'add'>;
  readonly jobs: DeliveryJobQueue;
  /** Where a wave another planner holds is announced again, to come back after the grouping window. */
  readonly announcer: WaveAnnouncer;
  readonly planning: PlanWaveSettings;
}

export type PlanWaveOutcome =
  | { readonly status: 'busy' | 'done'; readonly events: number }
  | {
      readonly status: 'planned';
      readonly events: number;
      readonly part: WavePart;
      readonly how: 'direct' | 'sharded';
      /** Direct plans only: jobs enqueued, digest entries queued. */
      readonly jobs?: number;
      readonly digest?: number;
      readonly shards?: number;
    };

/**
 * Plans a wave once, however many times it is announced: claims the part of its events not yet
 * planned, then either plans it here (few candidate watches) or sends one job per contact shard
 * to the shard workers. A wave another planner is planning is announced again for later, when
 * what that planner did not cover becomes the next part. A part whose planner died is taken over when its lease lapses and planned
 * again to the same jobs, which the senders' claims make harmless.
 */
export const planWave = async (waveId: string, deps: PlanWaveDependencies): Promise<PlanWaveOutcome> => {
  const events = await deps.alertEvents.listWave(waveId);
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + deps.planning.leaseSeconds * 1000);
  const claim = await deps.wavePlans.claim(
    waveId,
    events.map(({ id }) => id),
    now,
    leaseUntil,
  );
  // Announced again rather than handed back to the queue: a handed-back message waits out the
  // visibility timeout (six times the planner's), the announcement only the grouping window.
  if (claim.status === 'busy') await deps.announcer.announce([waveId]);
  if (claim.status !== 'claimed') return { status: claim.status, events: events.length };
  const { part } = claim;
  const inPart = new Set(part.eventIds);
  const partEvents = events.filter(({ id }) => inPart.has(id));
  const groupIdsOfState = groupMembership(await deps.customGroups.list());
  const candidates = await deps.watches.targetingAtMost(
    waveTargets(partEvents, groupIdsOfState),
    deps.planning.directPlanLimit,
  );
  if (candidates === 'more') {
    const shards = allShards().map((shard) => ({ waveId, part: part.index, shard, eventIds: part.eventIds }));
    await deps.jobs.enqueueShards(shards);
    await deps.wavePlans.complete(waveId, part);
    return { status: 'planned', events: events.length, part, how: 'sharded', shards: shards.length };
  }
  const planned = planDeliveries({ waveId, part: part.index, events: partEvents }, candidates, groupIdsOfState, now);
  if (planned.digest.length > 0) await deps.digests.add(planned.digest);
  await deps.jobs.enqueueDeliveries(planned.jobs);
  await deps.wavePlans.complete(waveId, part);
  return {
    status: 'planned',
    events: events.length,
    part,
    how: 'direct',
    jobs: planned.jobs.length,
    digest: planned.digest.length,
  };
};
