import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import type { AlertEvent } from '../lambdas/core/alerts/alert-event.ts';
import type { DeliveryJob } from '../lambdas/core/delivery/delivery-job.ts';
import type { QueuedDigestEvent } from '../lambdas/core/delivery/delivery-records.ts';
import {
  queueDigests,
  queueRepeats,
  type ScheduledJobDependencies,
} from '../lambdas/core/delivery/plan-scheduled-jobs.ts';
import { contactOf, type Watch } from '../lambdas/core/watches/watch.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { benchContacts, checkerEvents, contactAddress, storeBenchWatches } from './dispatcher.ts';
import { type BenchRow, count, milliseconds } from './results-table.ts';

const WAVE_ID = 'check:2019-03-23T06:00:00.000Z';
/** The digest hour of every bench watch, and the run that sends it. */
const DIGEST_RUN = new Date('2019-03-23T07:00:00Z');
/** A week after the check: the first round of every overdue event for a watch repeating every 7 days. */
const REPEAT_RUN = new Date('2019-03-30T07:00:00Z');
/** The hourly job's timeout in the stack (lib/sanctions-watch-stack.ts). */
const TIMEOUT_SECONDS = 300;
/** States, and so overdue events, in each contact's digest and reminder. */
const STATES_PER_CONTACT = 3;

/** Each contact's two watches on the same three states: a digest watch at 07:00 UTC and an immediate watch repeating weekly. */
const scheduledWatches = (contacts: number, overdue: readonly AlertEvent[]): Watch[] =>
  Array.from({ length: contacts }, (_, index) => {
    const states = Array.from(
      { length: STATES_PER_CONTACT },
      (_, offset) => overdue[(index * STATES_PER_CONTACT + offset) % overdue.length]?.state ?? 'RU',
    );
    const base = {
      owner: `bench-owner-${index % 25}`,
      target: { states },
      events: ['report.overdue' as const],
      channel: { email: contactAddress(index) },
      status: 'active' as const,
      createdAt: '2019-01-01T00:00:00.000Z',
      updatedAt: '2019-01-01T00:00:00.000Z',
    };
    return [
      { ...base, id: `d-${index}`, delivery: { mode: 'digest' as const, digestHourUtc: 7, resolved: false } },
      { ...base, id: `r-${index}`, delivery: { mode: 'immediate' as const, repeatEveryDays: 7, resolved: false } },
    ];
  }).flat();

/** What the planners would have queued for the digest watches: each contact's three overdue events. */
const digestEntries = (watches: readonly Watch[], overdue: readonly AlertEvent[]): QueuedDigestEvent[] =>
  watches
    .filter((watch) => watch.delivery.mode === 'digest')
    .flatMap((watch) =>
      (watch.target.states ?? []).flatMap((state) => {
        const event = overdue.find((candidate) => candidate.state === state);
        return event === undefined
          ? []
          : [
              {
                hour: 7,
                contact: contactOf(watch),
                eventId: event.id,
                watchIds: [watch.id],
                states: [state],
                queuedAt: '2019-03-23T06:01:00.000Z',
              },
            ];
      }),
    );

interface Run {
  readonly ms: number;
  readonly jobs: number;
  readonly requests: number;
}

/** One run of the job's half on its own client (its requests alone), the senders' queues in memory. */
const measured = async (
  endpoint: string,
  tableName: string,
  run: (deps: ScheduledJobDependencies) => Promise<number>,
): Promise<Run> => {
  const client = createDocumentClient(endpoint);
  const requests = countRequests(client);
  const queued: DeliveryJob[] = [];
  try {
    const started = performance.now();
    const jobs = await run({
      ...tableStores(client, tableName),
      jobs: { enqueueDeliveries: async (added) => void queued.push(...added) },
    });
    if (jobs !== queued.length) throw new Error(`the job said ${jobs} jobs and queued ${queued.length}`);
    return { ms: performance.now() - started, jobs, requests: requests.total() };
  } finally {
    client.destroy();
  }
};

const row = (what: string, contacts: number, run: Run): BenchRow => ({
  what,
  value: `${(run.ms / 1000).toFixed(1)} s, ${milliseconds(run.ms / contacts)} a contact → ${count(run.jobs)} jobs (${((run.ms / (TIMEOUT_SECONDS * 1000)) * 100).toFixed(1)}% of its timeout)`,
  target: '≤ 25% of its 5-minute timeout',
  baseline: `${count(run.requests)} DynamoDB requests`,
  meetsTarget: run.ms <= TIMEOUT_SECONDS * 250,
});

/**
 * `npm run bench -- scheduled`: the hourly job's planning at 1,000 and 10,000 contacts
 * (BENCH_SCHEDULED_CONTACTS=1000,10000) on an in-memory DynamoDB Local, each contact with a digest
 * watch and a weekly repeating watch on three overdue states: the hour's digests, then a week
 * later the first round of reminders, each one job per contact for the senders (in memory here).
 */
export const scheduledJobRows = async (): Promise<BenchRow[]> => {
  const sizes = (process.env.BENCH_SCHEDULED_CONTACTS ?? '1000,10000').split(',').map(Number);
  const rows: BenchRow[] = [];
  for (const contacts of sizes) {
    const dynamoDb = await startDynamoDbLocal();
    try {
      const { endpoint } = dynamoDb;
      const tableName = `bench-scheduled-${contacts}`;
      const overdue = checkerEvents().filter(({ type }) => type === 'report.overdue');
      const watches = scheduledWatches(contacts, overdue);
      await storeBenchWatches(endpoint, tableName, benchContacts(contacts), watches);
      const setupClient = createDocumentClient(endpoint);
      const stores = tableStores(setupClient, tableName);
      for (const event of overdue) await stores.alertEvents.putIfAbsent({ ...event, waveId: WAVE_ID });
      await stores.digests.add(digestEntries(watches, overdue));
      setupClient.destroy();

      const label = `hourly job: ${count(contacts)} contacts, ${STATES_PER_CONTACT} overdue states each`;
      const digests = await measured(endpoint, tableName, (deps) => queueDigests(DIGEST_RUN, deps));
      const repeats = await measured(endpoint, tableName, (deps) => queueRepeats(REPEAT_RUN, deps));
      rows.push(
        row(`${label}: the hour's digests`, contacts, digests),
        row(`${label}: a week later, the first reminders`, contacts, repeats),
      );
    } finally {
      await dynamoDb.stop();
    }
  }
  return rows;
};
