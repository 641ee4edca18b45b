import { THROTTLE_BACKOFF } from '../../lambdas/contracts/delivery-queues.ts';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { unsubscribeUrl } from '../../lambdas/core/contacts/unsubscribe-link.ts';
import type { DeliveryJob, ShardJob } from '../../lambdas/core/delivery/delivery-job.ts';
import { bothChannels } from '../../lambdas/core/delivery/outgoing-message.ts';
import { planShard } from '../../lambdas/core/delivery/plan-shard.ts';
import { type PlanWaveOutcome, type PlanWaveSettings, planWave } from '../../lambdas/core/delivery/plan-wave.ts';
import { type SendJobOutcome, sendJob } from '../../lambdas/core/delivery/send-job.ts';
import type { DeliveryJobQueue, WavePlans } from '../../lambdas/core/ports/delivery-pipeline.ts';
import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import { subscriberManageUrl } from '../../lambdas/core/subscriptions/manage-link.ts';
import { startDeliveryHarness } from './delivery-harness.ts';

const UNSUBSCRIBE_SECRET = 'a-test-secret-of-at-least-32-characters';

/**
 * The delivery pipeline's functions on a real DynamoDB Local table, with the queues between them
 * as arrays the test drains by hand: so a test can run a step twice, skip one, or stop between
 * two, as a crash or a redelivery would.
 */
export const startPipelineHarness = async (planning: Partial<PlanWaveSettings> = {}) => {
  const base = await startDeliveryHarness();
  const shardQueue: ShardJob[] = [];
  const deliveryQueue: DeliveryJob[] = [];
  const announced: string[] = [];
  const jobs: DeliveryJobQueue = {
    enqueueShards: async (added) => void shardQueue.push(...added),
    enqueueDeliveries: async (added) => void deliveryQueue.push(...added),
  };
  let sender: MessageSender = base.outbox;
  let wavePlans: WavePlans = base.deps.wavePlans;
  const planDeps = () => ({
    ...base.deps,
    wavePlans,
    jobs,
    announcer: { announce: async (waveIds: readonly string[]) => void announced.push(...waveIds) },
    planning: { directPlanLimit: 1000, leaseSeconds: 60, ...planning },
  });
  let dailyCaps = base.deps.dailyCaps;
  let sendBudgets = base.deps.sendBudgets;
  /** Each visibility timeout a sender set, as ChangeMessageVisibility would be asked. */
  const visibilityChanges: { readonly receiptHandle: string; readonly seconds: number }[] = [];
  let random = () => 0.999_999;
  const sendDeps = () => ({
    ...base.deps,
    dailyCaps,
    sendBudgets,
    sender,
    renderers: bothChannels,
    claimSeconds: 60,
    backoff: {
      visibility: {
        returnAfter: async (receiptHandle: string, seconds: number) =>
          void visibilityChanges.push({ receiptHandle, seconds }),
      },
      policy: THROTTLE_BACKOFF,
      random: () => random(),
    },
    unsubscribeUrl: async (contact: string) => unsubscribeUrl('http://localhost:3000', UNSUBSCRIBE_SECRET, contact),
    subscriberManageUrl: async (contact: string) =>
      subscriberManageUrl('http://localhost:3000', UNSUBSCRIBE_SECRET, contact),
  });

  /** What the hourly job is built with here: its jobs go to the same sender queue. */
  const scheduledDeps = () => ({ ...base.deps, jobs });

  /** Stores events in a wave, as the checker or change detection would. */
  const store = async (waveId: string, events: readonly AlertEvent[]): Promise<void> => {
    for (const event of events) await base.deps.alertEvents.putIfAbsent({ ...event, waveId });
  };
  const plan = (waveId: string): Promise<PlanWaveOutcome> => planWave(waveId, planDeps());
  /** Runs every queued shard job once. */
  const runShards = async (): Promise<void> => {
    for (const job of shardQueue.splice(0)) await planShard(job, planDeps());
  };
  const send = (job: DeliveryJob): Promise<SendJobOutcome> => sendJob(job, sendDeps());
  /** Sends every queued delivery job once, in order. */
  /** Sends every queued job once; as the queue does, it keeps the jobs that are to come again. */
  const sendAll = async (): Promise<SendJobOutcome[]> => {
    const outcomes: SendJobOutcome[] = [];
    for (const job of deliveryQueue.splice(0)) {
      const outcome = await send(job);
      if (['retry-later', 'throttled', 'deferred'].includes(outcome.status)) deliveryQueue.push(job);
      outcomes.push(outcome);
    }
    return outcomes;
  };
  return {
    ...base,
    shardQueue,
    deliveryQueue,
    announced,
    visibilityChanges,
    store,
    plan,
    runShards,
    send,
    sendAll,
    /** What a sender function is built with here. */
    sendDependencies: sendDeps,
    scheduledDependencies: scheduledDeps,
    useSender: (next: MessageSender) => {
      sender = next;
    },
    /** The backoff's jitter; the default draws the longest wait each time. */
    useRandom: (next: () => number) => {
      random = next;
    },
    useDailyCaps: (next: typeof dailyCaps) => {
      dailyCaps = next;
    },
    useSendBudgets: (next: typeof sendBudgets) => {
      sendBudgets = next;
    },
    useWavePlans: (next: WavePlans) => {
      wavePlans = next;
    },
  };
};
