import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import { countRequests } from '../lambdas/adapters/dynamodb/request-counter.ts';
import { tableStores } from '../lambdas/adapters/dynamodb/table-stores.ts';
import { dailyIssuanceReader } from '../lambdas/adapters/sources/feed-readers.ts';
import { sourceCheckSettings } from '../lambdas/adapters/sources/source-settings.ts';
import { systemClock } from '../lambdas/adapters/system-clock.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { runSourceCheck } from '../lambdas/core/sources/run-source-check.ts';
import { withBenchRuntime } from './bench-runtime.ts';
import { type BenchRow, count, milliseconds } from './results-table.ts';

const DOCUMENTS = 500;
const DAY = '2024-09-12';

/** A day's issuance list of DOCUMENTS notes from member states, one in ten a corrigendum of the note before it. */
const dayOfDocuments = (): string => {
  const states = memberStates();
  return JSON.stringify(
    Array.from({ length: DOCUMENTS }, (_, index) => {
      const state = states[index % states.length]?.name ?? 'Egypt';
      const number = index % 10 === 9 ? `${index}/Corr.1` : `${index + 1}`;
      return {
        symbol1: `S/AC.49/2024/${number}`,
        title: `Note verbale dated ${(index % 11) + 1} September 2024 from the Permanent Mission of ${state} to the United Nations addressed to the Chair of the Committee`,
        files: ['E: 2400000E'],
      };
    }),
  );
};

/**
 * Rows: the source job over a day of DOCUMENTS documents against DynamoDB Local (the local
 * runtime's table, its stream consumers running), the first run and a re-run: time, and the
 * DynamoDB requests its client sent. The feed is served from memory: no network in the figure.
 */
export const sourceJobRows = (): Promise<BenchRow[]> =>
  withBenchRuntime(async (runtime) => {
    const body = dayOfDocuments();
    // A client of the job's own, as its function has: the stream consumers' requests are not counted.
    const client = createDocumentClient(runtime.dynamoDbEndpoint);
    const requests = countRequests(client);
    const deps = {
      ...tableStores(client, runtime.tableName),
      clock: systemClock,
      serviceMetrics: { record: () => undefined },
      feeds: [dailyIssuanceReader('https://feed.bench/{date}.json', { fetch: async () => new Response(body) })],
      settings: sourceCheckSettings(false),
    };
    const at = new Date(`${DAY}T06:00:00Z`);
    const measure = async (what: string): Promise<BenchRow> => {
      const before = requests.total();
      const started = performance.now();
      const outcome = await runSourceCheck(at, deps);
      const time = performance.now() - started;
      const sent = requests.total() - before;
      const [feed] = outcome.feeds;
      return {
        what: `source job, ${what}: a day of ${count(DOCUMENTS)} documents (DynamoDB Local)`,
        value: `${milliseconds(time)}; ${count(sent)} DynamoDB requests`,
        target: '',
        baseline: `${count(feed?.proposals ?? 0)} proposals, ${count(feed?.amendments ?? 0)} amendments, ${count(feed?.known ?? 0)} known`,
      };
    };
    try {
      return [await measure('first run'), await measure('re-run')];
    } finally {
      client.destroy();
    }
  });
