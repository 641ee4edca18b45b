import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '../lambdas/adapters/dynamodb/batch-write.ts';
import { contactItem } from '../lambdas/adapters/dynamodb/contact-repository.ts';
import { ensureTable } from '../lambdas/adapters/dynamodb/create-table.ts';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { newWatchItems } from '../lambdas/adapters/dynamodb/watch-repository.ts';
import type { AlertEvent } from '../lambdas/core/alerts/alert-event.ts';
import { DEFAULT_SEND_BUDGETS } from '../lambdas/core/budgets/send-budgets.ts';
import { deriveDeadlineEvents } from '../lambdas/core/checks/deadline-events.ts';
import type { Contact } from '../lambdas/core/contacts/contact.ts';
import type { DeliveryFailure } from '../lambdas/core/delivery/delivery-records.ts';
import type { MessageSender } from '../lambdas/core/ports/message-sender.ts';
import { groupMembership } from '../lambdas/core/reference/group-membership.ts';
import { builtInGroups } from '../lambdas/core/reference/groups.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../lambdas/core/reference/obligations.ts';
import { contactOf, type Watch } from '../lambdas/core/watches/watch.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { type DispatchDependencies, type DispatchOutcome, dispatchEvents } from './baseline/one-invocation-dispatch.ts';
import { describeLatency, timeRequests } from './request-timer.ts';
import { type BenchRow, count, milliseconds } from './results-table.ts';

const WATCHES = 500;
const CONTACTS = 200;
const OWNERS = 25;
/** The day after the midterm deadline: every state is overdue, 193 `report.overdue` events. */
const CHECK_AT = new Date('2019-03-23T06:00:00Z');
/** When the dispatcher handles them: the stream hands the events over a little later. */
const DISPATCH_AT = new Date('2019-03-23T06:00:30Z');
const TABLE_NAME = 'bench-dispatcher';

export const contactAddress = (index: number): string => `contact-${index}@example.org`;

/** How many bench watches to build, over how many contacts and owners; every `allEvery`th watch targets all: true. */
export interface BenchWatchShape {
  readonly watches: number;
  readonly contacts: number;
  readonly owners: number;
  readonly allEvery?: number;
}

/**
 * `watches` active immediate email watches over `contacts` contacts, half on a built-in group (all of
 * them in turn, from 2 to 54 states), half on one state (or, every `allEvery`th, all: true);
 * deterministic, so every run matches the same.
 */
export const benchWatches = ({ watches, contacts, owners, allEvery }: BenchWatchShape): Watch[] =>
  Array.from({ length: watches }, (_, index): Watch => {
    const group = builtInGroups()[(index >> 1) % builtInGroups().length]?.id ?? 'africa';
    const state = memberStates()[(index * 7) % memberStates().length]?.alpha2 ?? 'RU';
    const target =
      allEvery !== undefined && index % allEvery === allEvery - 1
        ? { all: true as const }
        : index % 2 === 0
          ? { groups: [group] }
          : { states: [state] };
    return {
      id: `w-${String(index).padStart(5, '0')}`,
      owner: `bench-owner-${index % owners}`,
      target,
      events: ['report.overdue', 'deadline.approaching', 'deadline.passed'],
      channel: { email: contactAddress(index % contacts) },
      delivery: { mode: 'immediate', resolved: false },
      status: 'active',
      createdAt: '2019-01-01T00:00:00.000Z',
      updatedAt: '2019-01-01T00:00:00.000Z',
    };
  });

/** Confirmed already. */
export const benchContacts = (contacts: number): Contact[] =>
  Array.from({ length: contacts }, (_, index): Contact => {
    const id = contactOf({ channel: { email: contactAddress(index) } });
    return {
      id,
      channel: 'email',
      to: contactAddress(index),
      state: 'confirmed',
      requestedAt: '2019-01-01T00:00:00.000Z',
      updatedAt: '2019-01-01T00:00:00.000Z',
    };
  });

/**
 * Creates the table unless it exists, then writes the contacts and watches to it as their
 * repositories store them, 25 items to a batch write (not measured). Returns how many items it wrote.
 */
export const storeBenchWatches = async (
  endpoint: string,
  tableName: string,
  contacts: readonly Contact[],
  watches: readonly Watch[],
): Promise<number> => {
  const admin = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(admin, tableName);
  } finally {
    admin.destroy();
  }
  const setupClient = createDocumentClient(endpoint);
  try {
    const items = [...contacts.map(contactItem), ...newWatchItems(watches)];
    await batchWriteAll(
      setupClient,
      tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    return items.length;
  } finally {
    setupClient.destroy();
  }
};

/** What the deadline checker emits at CHECK_AT with nothing announced before, as test/support/watch-fixtures.ts `checkerEvents` builds it. */
export const checkerEvents = (): AlertEvent[] =>
  deriveDeadlineEvents({
    at: CHECK_AT,
    obligations: seedObligations,
    states: memberStates(),
    groupIdsOfState: groupMembership([]),
    reports: [],
    remaining: [],
    memory: [],
  }).events;

/** A sender that takes every message in memory at once: the dispatcher's own cost and DynamoDB's, no provider. */
const acceptingSender = (): MessageSender & { readonly sent: () => number } => {
  let sent = 0;
  return {
    send: () => Promise.resolve({ messageId: `bench-${++sent}` }),
    sent: () => sent,
  };
};

const dependenciesOf = (
  client: DynamoDBDocumentClient,
  tableName: string,
  sender: MessageSender,
  parked: DeliveryFailure[],
): DispatchDependencies => ({
  clock: { now: () => DISPATCH_AT },
  ...tableStores(client, tableName),
  dailyCaps: { email: 50, sms: 10 },
  sendBudgets: DEFAULT_SEND_BUDGETS,
  senders: { email: sender, sms: sender },
  failures: {
    park: (failure) => {
      parked.push(failure);
      return Promise.resolve();
    },
  },
  manageUrl: 'http://localhost/watches',
  unsubscribeUrl: async (contact) => `https://localhost/unsubscribe?c=${encodeURIComponent(contact)}&s=bench`,
  subscriberManageUrl: async (contact) => `https://localhost/manage?token=${encodeURIComponent(contact)}.bench`,
  retry: { attempts: 3, baseDelayMs: 1, sleep: async () => undefined },
});

export interface DispatchRun {
  readonly ms: number;
  readonly outcome: DispatchOutcome;
  readonly sent: number;
  readonly parked: number;
  readonly requests: number;
  readonly byOperation: string;
  readonly latency: string;
}

/** One dispatch of the batch with fresh adapters on a client that counts and times its requests, as a cold Lambda would have. */
export const measuredDispatch = async (
  endpoint: string,
  tableName: string,
  events: readonly AlertEvent[],
): Promise<DispatchRun> => {
  const client = createDocumentClient(endpoint);
  const counter = countRequests(client);
  const timer = timeRequests(client);
  const sender = acceptingSender();
  const parked: DeliveryFailure[] = [];
  try {
    const started = performance.now();
    const outcome = await dispatchEvents(events, dependenciesOf(client, tableName, sender, parked));
    const ms = performance.now() - started;
    const byOperation = Object.entries(counter.byOperation())
      .map(([command, n]) => `${command.replace(/Command$/, '')} ${count(n)}`)
      .join(', ');
    return {
      ms,
      outcome,
      sent: sender.sent(),
      parked: parked.length,
      requests: counter.total(),
      byOperation,
      latency: describeLatency(timer),
    };
  } finally {
    client.destroy();
  }
};

export const statuses = (outcome: DispatchOutcome): string => {
  const byStatus = new Map<string, number>();
  for (const { status } of outcome.deliveries) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  return [...byStatus].map(([status, n]) => `${status} ${count(n)}`).join(', ');
};

/**
 * Rows: the dispatcher (`dispatchEvents`, as the stream's dispatch-alerts function runs it) on one
 * deadline-check run's 193 `report.overdue` events against WATCHES watches of CONTACTS confirmed
 * contacts, on a fresh table in an in-memory DynamoDB Local, with a notifier that accepts every
 * message in memory: its time per grouped message (one per contact) and DynamoDB requests per
 * message; then the same batch again, as a redelivered stream batch, which must send nothing.
 */
export const dispatcherRows = async (): Promise<BenchRow[]> => {
  const dynamoDb = await startDynamoDbLocal();
  try {
    const { endpoint } = dynamoDb;
    const watches = benchWatches({ watches: WATCHES, contacts: CONTACTS, owners: OWNERS });
    const contacts = benchContacts(CONTACTS);
    const events = checkerEvents();

    const setupStarted = performance.now();
    await storeBenchWatches(endpoint, TABLE_NAME, contacts, watches);
    const setupMs = performance.now() - setupStarted;

    const first = await measuredDispatch(endpoint, TABLE_NAME, events);
    const again = await measuredDispatch(endpoint, TABLE_NAME, events);

    const messages = first.outcome.deliveries.length;
    const eventsRecorded = first.outcome.deliveries.reduce((sum, delivery) => sum + delivery.eventIds.length, 0);
    const allSent =
      first.sent === messages &&
      first.parked === 0 &&
      first.outcome.deliveries.every(({ status }) => status === 'sent');
    const perMessage = (n: number) => (messages === 0 ? '-' : (n / messages).toFixed(1));
    const label = `dispatcher: ${count(events.length)} report.overdue events × ${count(WATCHES)} watches, ${count(CONTACTS)} contacts`;
    return [
      {
        what: `${label}: data (DynamoDB Local, in memory)`,
        value: `${count(first.outcome.matches)} matches → ${count(messages)} grouped messages (${count(eventsRecorded)} contact×event records)`,
        target: '',
        baseline: `setup ${(setupMs / 1000).toFixed(1)} s, not measured`,
      },
      {
        what: `${label}: 1st run messages sent`,
        value: `${count(first.sent)} (${statuses(first.outcome)})`,
        target: 'every message sent',
        baseline: `${count(first.parked)} parked, ${count(first.outcome.retryEventIds.size)} events to retry`,
        meetsTarget: allSent,
      },
      { what: `${label}: 1st run wall time`, value: milliseconds(first.ms), target: '', baseline: '' },
      {
        what: `${label}: 1st run time per grouped message`,
        value: milliseconds(messages === 0 ? 0 : first.ms / messages),
        target: '',
        baseline: '',
      },
      {
        what: `${label}: 1st run DynamoDB requests per message`,
        value: `${perMessage(first.requests)} (${count(first.requests)} in all)`,
        target: '',
        baseline: first.byOperation,
      },
      { what: `${label}: 1st run time per request`, value: first.latency, target: '', baseline: '' },
      {
        what: `${label}: redelivered batch`,
        value: `${count(again.sent)} sent; ${milliseconds(again.ms)}; ${count(again.requests)} requests`,
        target: '0 sent',
        baseline: `${statuses(again.outcome)}; ${again.byOperation}`,
        meetsTarget: again.sent === 0 && again.outcome.deliveries.every(({ status }) => status === 'duplicate'),
      },
    ];
  } finally {
    await dynamoDb.stop();
  }
};
