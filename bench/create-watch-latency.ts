import { randomUUID } from 'node:crypto';
import { metricCatalogue, obligationCatalogue } from '../lambdas/adapters/dynamodb/catalogues.ts';
import { DynamoConsentStore } from '../lambdas/adapters/dynamodb/consent-repository.ts';
import { DynamoContactStore } from '../lambdas/adapters/dynamodb/contact-repository.ts';
import { DynamoDailyBudgets } from '../lambdas/adapters/dynamodb/daily-send-counter.ts';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests, type RequestCounter } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { DynamoWatchStore } from '../lambdas/adapters/dynamodb/watch-repository.ts';
import { DEFAULT_SEND_BUDGETS } from '../lambdas/core/budgets/send-budgets.ts';
import { EMAIL_CONFIRMATION_DAYS } from '../lambdas/core/contacts/contact.ts';
import { utcDateOf } from '../lambdas/core/time/calendar-date.ts';
import { contactOf, type Watch } from '../lambdas/core/watches/watch.ts';
import { MAX_WATCHES_PER_OWNER } from '../lambdas/core/watches/watch-commands.ts';
import { watchInputSchema } from '../lambdas/core/watches/watch-schema.ts';
import type { LocalRuntime } from '../local/runtime.ts';
import { CLIENTS, closedLoop, type LoadResult, ROUNDS, requestRate } from './closed-loop.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

/** Watches each user creates in the measured rounds, all told: well under the cap of 100 per owner. */
const WATCHES_PER_USER = 20;
const WARM_UP_PER_USER = 2;
/** Then one client alone, for the latency with nothing queued. */
const SINGLE_CLIENT_REQUESTS = 40;
const DAY_MS = 86_400_000;

/** The body every client posts, with its own address: a new contact each time, as for a new subscriber. */
const watchBody = (email: string) => ({
  target: { groups: ['africa'] },
  events: ['report.overdue'],
  channel: { email },
});

type Phase = 'warm' | 'run' | 'solo';

/** `POST /watches` through the local API; each client is its own user, so no two requests race for one owner's watch counter. Client `c` is user `bench-<phase>-user-<c>`; each address is new to the service. */
const apiRequests = async (runtime: LocalRuntime, phase: Phase, round: number) => {
  const tokens = await Promise.all(
    Array.from({ length: CLIENTS }, (_, c) => runtime.issueToken(`bench-${phase}-user-${c}`)),
  );
  return async (index: number, c: number): Promise<void> => {
    const email = `user-${phase}-${c}-${round}-${index}@example.org`;
    const response = await fetch(`${runtime.apiUrl}/watches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[c] ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify(watchBody(email)),
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new Error(`POST /watches as bench-${phase}-user-${c} answered ${response.status}: ${text.slice(0, 300)}`);
  };
};

/**
 * The baseline: the DynamoDB calls `createWatch` makes for a new email address, in its order,
 * straight from a document client configured as the handlers' is. The reference check (the
 * group is built in, so no read; obligations and metrics listed in parallel), the watch with its
 * owner's counter and target index in one TransactWriteItems, `requestConsent`'s consistent
 * GetItems of the contact, the owner's consent and the suppression marker, the conditional
 * PutItems of the pending contact and consent, the confirmation budget's UpdateItem, and `settleWatch`'s Query of the contact's
 * watches. No HTTP, token check, validation, sender or JSON: DynamoDB Local's share.
 */
const rawRequests = (
  runtime: LocalRuntime,
  client: ReturnType<typeof createDocumentClient>,
  phase: Phase,
  round: number,
) => {
  const obligations = obligationCatalogue(client, runtime.tableName);
  const metrics = metricCatalogue(client, runtime.tableName);
  const watches = new DynamoWatchStore(client, runtime.tableName);
  const contacts = new DynamoContactStore(client, runtime.tableName);
  const consents = new DynamoConsentStore(client, runtime.tableName);
  const budgets = new DynamoDailyBudgets(client, runtime.tableName);
  return async (index: number, c: number): Promise<void> => {
    const email = `raw-${phase}-${c}-${round}-${index}@example.org`;
    const input = watchInputSchema.parse(watchBody(email));
    await Promise.all([obligations.list(), metrics.list()]);
    const now = new Date();
    const at = now.toISOString();
    const watch: Watch = {
      ...input,
      id: randomUUID(),
      owner: `bench-raw-${phase}-user-${c}`,
      status: 'pending-confirmation',
      createdAt: at,
      updatedAt: at,
    };
    await watches.create(watch, MAX_WATCHES_PER_OWNER);
    const id = contactOf(watch);
    const [previous, consent] = await Promise.all([
      contacts.get(id),
      consents.get({ contact: id, owner: watch.owner }),
      contacts.isSuppressed(id),
    ]);
    await contacts.put({ id, channel: 'email', to: email, state: 'pending', requestedAt: at, updatedAt: at }, previous);
    const confirmBy = new Date(now.getTime() + EMAIL_CONFIRMATION_DAYS * DAY_MS).toISOString();
    await consents.put(
      { contact: id, owner: watch.owner, state: 'pending', requestedAt: at, confirmBy, updatedAt: at },
      consent,
    );
    await budgets.take(
      { contact: id },
      'confirmationsPerAddress',
      utcDateOf(now),
      DEFAULT_SEND_BUDGETS.confirmationsPerAddress,
    );
    await watches.listByContact(id);
  };
};

const totalOf = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

/** What a counter counted since `before`, by operation. */
const countedSince = (counter: RequestCounter, before: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(counter.byOperation())
      .map(([operation, n]) => [operation, n - (before[operation] ?? 0)])
      .filter(([, n]) => n !== 0),
  );

const perRequest = (counts: Readonly<Record<string, number>>, requests: number): string =>
  `${(totalOf(counts) / requests).toFixed(1)} (${Object.entries(counts)
    .map(([command, n]) => `${command.replace(/Command$/, '')} ${(n / requests).toFixed(1)}`)
    .join(', ')})`;

/**
 * Rows: `POST /watches` latency on the local runtime (the real handler behind the local HTTP
 * server, DynamoDB Local in memory, the outbox mailing each new address its confirmation), CLIENTS
 * concurrent clients of their own user, beside the DynamoDB calls the handler makes, sent directly
 * to the same DynamoDB Local at the same concurrency; then one client alone; and the requests
 * each costs. Run before anything stores an alert event, so that no dispatch (the other user of
 * the functions' client in this process) runs meanwhile.
 */
export const createWatchLatencyRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  const client = createDocumentClient(runtime.dynamoDbEndpoint);
  const rawCounter = countRequests(client);
  // The functions' own client (one per runtime, as in a warm Lambda): what the handler sent.
  const handlerCounter = runtime.requests;
  try {
    await closedLoop(WARM_UP_PER_USER * CLIENTS, await apiRequests(runtime, 'warm', 0), CLIENTS);
    await closedLoop(WARM_UP_PER_USER * CLIENTS, rawRequests(runtime, client, 'warm', 0), CLIENTS);

    const perRound = WATCHES_PER_USER / ROUNDS;
    const viaApi: LoadResult[] = [];
    const direct: LoadResult[] = [];
    const rawBefore = rawCounter.byOperation();
    let handlerCounts: Record<string, number> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      const api = await apiRequests(runtime, 'run', round);
      const handlerBefore = handlerCounter.byOperation();
      viaApi.push(await closedLoop(perRound * CLIENTS, api, CLIENTS));
      for (const [operation, n] of Object.entries(countedSince(handlerCounter, handlerBefore)))
        handlerCounts[operation] = (handlerCounts[operation] ?? 0) + n;
      direct.push(await closedLoop(perRound * CLIENTS, rawRequests(runtime, client, 'run', round), CLIENTS));
    }
    handlerCounts = Object.fromEntries(Object.entries(handlerCounts).sort(([a], [b]) => a.localeCompare(b)));
    const rawCounts = Object.fromEntries(
      Object.entries(countedSince(rawCounter, rawBefore)).sort(([a], [b]) => a.localeCompare(b)),
    );
    const alone = await closedLoop(SINGLE_CLIENT_REQUESTS, await apiRequests(runtime, 'solo', 0), 1);
    const rawAlone = await closedLoop(SINGLE_CLIENT_REQUESTS, rawRequests(runtime, client, 'solo', 0), 1);

    const apiTimes = viaApi.flatMap((result) => result.times);
    const rawTimes = direct.flatMap((result) => result.times);
    const label = `POST /watches, local API, ${CLIENTS} clients (${count(apiTimes.length)} requests, ${CLIENTS} users × ${WATCHES_PER_USER}, each a new address)`;
    const soloLabel = `POST /watches, local API, 1 client (${count(alone.times.length)} requests)`;
    const direct7 = (text: string, n = rawTimes.length) =>
      `createWatch's 7 DynamoDB calls direct (${count(n)}): ${text}`;
    const p50p99 = (times: readonly number[]) =>
      `${milliseconds(percentile(times, 50))} / ${milliseconds(percentile(times, 99))}`;
    return [
      {
        what: `${label}: p50`,
        value: milliseconds(percentile(apiTimes, 50)),
        target: '',
        baseline: direct7(milliseconds(percentile(rawTimes, 50))),
      },
      {
        what: `${label}: p99`,
        value: milliseconds(percentile(apiTimes, 99)),
        target: '',
        baseline: direct7(milliseconds(percentile(rawTimes, 99))),
      },
      {
        what: `${label}: max`,
        value: milliseconds(Math.max(...apiTimes)),
        target: '',
        baseline: direct7(milliseconds(Math.max(...rawTimes))),
      },
      { what: `${label}: throughput`, value: requestRate(viaApi), target: '', baseline: direct7(requestRate(direct)) },
      {
        what: `${soloLabel}: p50 / p99`,
        value: p50p99(alone.times),
        target: '',
        baseline: direct7(p50p99(rawAlone.times), rawAlone.times.length),
      },
      {
        what: `${label}: DynamoDB requests per POST`,
        value: perRequest(handlerCounts, apiTimes.length),
        target: '',
        baseline: direct7(perRequest(rawCounts, rawTimes.length)),
      },
    ];
  } finally {
    client.destroy();
  }
};
