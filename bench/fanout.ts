import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { deliveryQueues } from '../lambdas/contracts/delivery-queues.ts';
import type { AlertEvent } from '../lambdas/core/alerts/alert-event.ts';
import { DEFAULT_SEND_BUDGETS } from '../lambdas/core/budgets/send-budgets.ts';
import type { DeliveryJob, ShardJob } from '../lambdas/core/delivery/delivery-job.ts';
import { bothChannels } from '../lambdas/core/delivery/outgoing-message.ts';
import { planShard } from '../lambdas/core/delivery/plan-shard.ts';
import { planWave } from '../lambdas/core/delivery/plan-wave.ts';
import { sendJob } from '../lambdas/core/delivery/send-job.ts';
import { mapWithConcurrency } from '../lambdas/core/map-with-concurrency.ts';
import type { DeliveryJobQueue } from '../lambdas/core/ports/delivery-pipeline.ts';
import type { MessageSender } from '../lambdas/core/ports/message-sender.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { dispatchEvents } from './baseline/one-invocation-dispatch.ts';
import { benchMetrics } from './bench-metrics.ts';
import { measureConsumedCapacity } from './consumed-capacity.ts';
import { benchContacts, benchWatches, checkerEvents, storeBenchWatches } from './dispatcher.ts';
import { type BenchRow, count, milliseconds } from './results-table.ts';

/** The wave: the deadline check the day after the midterm deadline, every state overdue (193 events). */
const CHECK_AT = new Date('2019-03-23T06:00:00Z');
const WAVE_ID = 'check:2019-03-23T06:00:00.000Z';
/** Senders at once, one run each (BENCH_FANOUT_SENDERS=1,2 runs fewer). */
const senderConcurrency = (): readonly number[] =>
  (process.env.BENCH_FANOUT_SENDERS ?? '1,2,4,8').split(',').map(Number);
/** What an SES or SNS send takes, injected: 30 to 100 ms, spread evenly and the same every run. */
const sendLatencyMs = (sequence: number): number => 30 + ((sequence * 37) % 71);

/** Watches per contact, as docs/scaling.md assumes. */
const WATCHES_PER_CONTACT = 4;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const share = (ms: number, timeoutSeconds: number): string => `${((ms / (timeoutSeconds * 1000)) * 100).toFixed(1)}%`;

/** A provider that accepts every message after the injected latency, as SES or SNS would. */
const slowProvider = () => {
  let sent = 0;
  const sender: MessageSender = {
    send: async () => {
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, sendLatencyMs(sent)));
      return { messageId: `bench-${sent}` };
    },
  };
  return { sender, sent: () => sent };
};

/** A client of its own per measured part, so its requests and write units are its alone. */
const measuredClient = (endpoint: string) => {
  const client = createDocumentClient(endpoint);
  return { client, requests: countRequests(client), capacity: measureConsumedCapacity(client) };
};

const storesOf = (client: DynamoDBDocumentClient, tableName: string) => ({
  ...tableStores(client, tableName),
  clock: { now: () => CHECK_AT },
  dailyCaps: { email: 50, sms: 10 },
  sendBudgets: DEFAULT_SEND_BUDGETS,
  failures: { park: async () => undefined },
  manageUrl: 'https://api.example.org/watches',
  unsubscribeUrl: async (contact: string) =>
    `https://api.example.org/unsubscribe?c=${encodeURIComponent(contact)}&s=bench`,
  subscriberManageUrl: async (contact: string) =>
    `https://api.example.org/manage?token=${encodeURIComponent(contact)}.bench`,
});

interface PlanRun {
  readonly planMs: number;
  readonly plannerMs: number;
  readonly longestShardMs: number;
  readonly jobs: readonly DeliveryJob[];
  readonly requests: number;
}

/** The planner on the wave, then every shard job it sent, one after another: what planning costs. */
const planTheWave = async (endpoint: string, tableName: string): Promise<PlanRun> => {
  const { client, requests } = measuredClient(endpoint);
  const shardJobs: ShardJob[] = [];
  const jobs: DeliveryJob[] = [];
  const queue: DeliveryJobQueue = {
    enqueueShards: async (added) => void shardJobs.push(...added),
    enqueueDeliveries: async (added) => void jobs.push(...added),
  };
  const deps = {
    ...storesOf(client, tableName),
    wavePlans: tableStores(client, tableName).wavePlans,
    jobs: queue,
    announcer: { announce: async () => undefined },
    planning: { directPlanLimit: 2_000, leaseSeconds: deliveryQueues.waves.timeoutSeconds },
  };
  try {
    const started = performance.now();
    await planWave(WAVE_ID, deps);
    const plannerMs = performance.now() - started;
    let longestShardMs = 0;
    for (const shard of shardJobs) {
      const shardStarted = performance.now();
      await planShard(shard, deps);
      longestShardMs = Math.max(longestShardMs, performance.now() - shardStarted);
    }
    return { planMs: performance.now() - started, plannerMs, longestShardMs, jobs, requests: requests.total() };
  } finally {
    client.destroy();
  }
};

interface SendRun {
  readonly ms: number;
  readonly sent: number;
  readonly longestBatchMs: number;
  readonly requests: number;
  readonly writeUnits: number;
}

/**
 * The jobs sent by `senders` sender invocations at once, each taking ten jobs as an SQS batch and
 * working them all at once, as the sender function does. Each run claims the jobs afresh (its own
 * dedup keys), as a new wave would.
 */
const sendTheJobs = async (
  endpoint: string,
  tableName: string,
  jobs: readonly DeliveryJob[],
  senders: number,
): Promise<SendRun> => {
  const { client, requests, capacity } = measuredClient(endpoint);
  const provider = slowProvider();
  const deps = {
    ...storesOf(client, tableName),
    sender: provider.sender,
    renderers: bothChannels,
    unsubscribeUrl: async (contact: string) => `https://api.example.org/unsubscribe?c=${encodeURIComponent(contact)}`,
    claimSeconds: deliveryQueues.email.visibilityTimeoutSeconds,
    serviceMetrics: benchMetrics,
  };
  const batches: DeliveryJob[][] = [];
  for (let index = 0; index < jobs.length; index += deliveryQueues.email.batchSize)
    batches.push(
      jobs
        .slice(index, index + deliveryQueues.email.batchSize)
        .map((job) => ({ ...job, dedupKey: `${job.dedupKey}:senders-${senders}` })),
    );
  let longestBatchMs = 0;
  try {
    const started = performance.now();
    await mapWithConcurrency(batches, senders, async (batch) => {
      const batchStarted = performance.now();
      await mapWithConcurrency(batch, batch.length, (job) => sendJob(job, deps));
      longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStarted);
    });
    return {
      ms: performance.now() - started,
      sent: provider.sent(),
      longestBatchMs,
      requests: requests.total(),
      writeUnits: capacity.writeUnits(),
    };
  } finally {
    client.destroy();
  }
};

interface BaselineRun {
  readonly ms: number;
  readonly messages: number;
  readonly requests: number;
  readonly writeUnits: number;
}

/** Today's dispatcher on the same wave and watches: one invocation plans and sends it all, 8 sends in flight. */
const dispatchTheWave = async (
  endpoint: string,
  tableName: string,
  events: readonly AlertEvent[],
): Promise<BaselineRun> => {
  const { client, requests, capacity } = measuredClient(endpoint);
  const provider = slowProvider();
  try {
    const started = performance.now();
    const outcome = await dispatchEvents(events, {
      ...storesOf(client, tableName),
      senders: { email: provider.sender, sms: provider.sender },
      retry: { attempts: 3, baseDelayMs: 1, sleep: async () => undefined },
    });
    return {
      ms: performance.now() - started,
      messages: outcome.deliveries.length,
      requests: requests.total(),
      writeUnits: capacity.writeUnits(),
    };
  } finally {
    client.destroy();
  }
};

/** Which sizes the baseline runs at: it takes minutes per 10k watches (`BENCH_FANOUT_BASELINE=all` runs it at every size). */
const baselineSizes = (sizes: readonly number[]): readonly number[] =>
  process.env.BENCH_FANOUT_BASELINE === 'all' ? sizes : sizes.slice(0, 1);

/**
 * `npm run bench -- fanout`: one wave (193 report.overdue events) at 10k and 40k watches
 * (BENCH_FANOUT_WATCHES=10000,40000), four watches per contact, every watch an immediate email
 * watch, on an in-memory DynamoDB Local: the pipeline's planning (planner, then the 256 shard
 * jobs) and its senders at 1, 2, 4 and 8 at once (BENCH_FANOUT_SENDERS=1,2) with a 30–100 ms provider, beside today's
 * one-invocation dispatcher on the same data with the same provider.
 */
export const fanoutRows = async (): Promise<BenchRow[]> => {
  const sizes = (process.env.BENCH_FANOUT_WATCHES ?? '10000,40000').split(',').map(Number);
  const rows: BenchRow[] = [];
  const planPerWatch: number[] = [];
  for (const watchCount of sizes) {
    const dynamoDb = await startDynamoDbLocal();
    try {
      const { endpoint } = dynamoDb;
      const tableName = `bench-fanout-${watchCount}`;
      const contacts = watchCount / WATCHES_PER_CONTACT;
      const setupStarted = performance.now();
      await storeBenchWatches(
        endpoint,
        tableName,
        benchContacts(contacts),
        benchWatches({ watches: watchCount, contacts, owners: 25, allEvery: 50 }),
      );
      const events = checkerEvents();
      const setupClient = createDocumentClient(endpoint);
      for (const event of events)
        await tableStores(setupClient, tableName).alertEvents.putIfAbsent({ ...event, waveId: WAVE_ID });
      setupClient.destroy();
      const setupMs = performance.now() - setupStarted;
      const label = `fanout: ${count(watchCount)} watches, ${count(contacts)} contacts, ${events.length} events`;

      const plan = await planTheWave(endpoint, tableName);
      planPerWatch.push(plan.planMs / watchCount);
      rows.push(
        {
          what: `${label}: setup (not measured)`,
          value: seconds(setupMs),
          target: '',
          baseline: 'watches, contacts and the wave written with batch writes',
        },
        {
          what: `${label}: planning (planner, then 256 shard jobs one after another)`,
          value: `${seconds(plan.planMs)}, ${milliseconds(plan.planMs / watchCount)} a watch → ${count(plan.jobs.length)} jobs`,
          target: 'flat per watch from 10k to 40k (within 1.3×)',
          baseline: `${count(plan.requests)} DynamoDB requests`,
        },
        {
          what: `${label}: longest planning invocation`,
          value: `planner ${milliseconds(plan.plannerMs)} (${share(plan.plannerMs, deliveryQueues.waves.timeoutSeconds)}), shard job ${milliseconds(plan.longestShardMs)} (${share(plan.longestShardMs, deliveryQueues.shards.timeoutSeconds)})`,
          target: '≤ 25% of its timeout',
          baseline: `timeouts ${deliveryQueues.waves.timeoutSeconds} s and ${deliveryQueues.shards.timeoutSeconds} s`,
          meetsTarget:
            plan.plannerMs <= deliveryQueues.waves.timeoutSeconds * 250 &&
            plan.longestShardMs <= deliveryQueues.shards.timeoutSeconds * 250,
        },
      );
      const runs: SendRun[] = [];
      for (const senders of senderConcurrency()) {
        const run = await sendTheJobs(endpoint, tableName, plan.jobs, senders);
        runs.push(run);
        rows.push({
          what: `${label}: ${senders} sender${senders === 1 ? '' : 's'} at once (10 jobs a batch)`,
          value: `${seconds(run.ms)}, ${(run.sent / (run.ms / 1000)).toFixed(0)} messages/s; longest batch ${milliseconds(run.longestBatchMs)} (${share(run.longestBatchMs, deliveryQueues.email.timeoutSeconds)})`,
          target: 'wall time ≈ 1/concurrency while I/O bound; batch ≤ 25% of the timeout',
          baseline: `${count(run.sent)} sent; ×${((runs[0]?.ms ?? run.ms) / run.ms).toFixed(2)} the speed of 1 sender`,
          meetsTarget: run.sent === plan.jobs.length && run.longestBatchMs <= deliveryQueues.email.timeoutSeconds * 250,
        });
      }
      const sample = runs[0];
      if (sample)
        rows.push({
          what: `${label}: DynamoDB per message (senders)`,
          value: `${(sample.requests / Math.max(1, sample.sent)).toFixed(2)} requests, ${(sample.writeUnits / Math.max(1, sample.sent)).toFixed(1)} write units`,
          target: '≤ 5 requests, ≤ 8 write units',
          baseline: `planning adds ${(plan.requests / Math.max(1, plan.jobs.length)).toFixed(2)} requests a message`,
          meetsTarget: sample.requests <= 5 * sample.sent && sample.writeUnits <= 8 * sample.sent,
        });
      if (baselineSizes(sizes).includes(watchCount)) {
        const baseline = await dispatchTheWave(endpoint, tableName, events);
        rows.push({
          what: `${label}: today's dispatcher, one invocation (8 sends in flight)`,
          value: `${seconds(baseline.ms)}, ${(baseline.messages / (baseline.ms / 1000)).toFixed(0)} messages/s (${share(baseline.ms, 300)} of its 300 s timeout)`,
          target: '',
          baseline: `${(baseline.requests / Math.max(1, baseline.messages)).toFixed(2)} requests, ${(baseline.writeUnits / Math.max(1, baseline.messages)).toFixed(1)} write units a message`,
        });
      } else
        rows.push({
          what: `${label}: today's dispatcher`,
          value: 'not run at this size (BENCH_FANOUT_BASELINE=all runs it)',
          target: '',
          baseline: '',
        });
    } finally {
      await dynamoDb.stop();
    }
  }
  const [smallest, largest] = [planPerWatch[0], planPerWatch.at(-1)];
  if (smallest !== undefined && largest !== undefined && planPerWatch.length > 1)
    rows.push({
      what: `fanout: planning time per watch, ${count(sizes.at(-1) ?? 0)} against ${count(sizes[0] ?? 0)} watches`,
      value: `×${(largest / smallest).toFixed(2)}`,
      target: '≤ ×1.3',
      baseline: '',
      meetsTarget: largest / smallest <= 1.3,
    });
  return rows;
};
