import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/document-client.ts';
import type { LocalRuntime } from '../local/runtime.ts';
import { CLIENTS, closedLoop, type LoadResult, ROUNDS, requestRate } from './closed-loop.ts';
import { type BenchRow, count, milliseconds, percentile } from './results-table.ts';

const WARM_UP_REQUESTS = 100;
/**
 * Measured requests, split over ROUNDS. The baseline gets half as many: DynamoDB Local serves
 * only about a hundred of either a second here, and the bench should stay short.
 */
const API_REQUESTS = 2_000;
const BASELINE_REQUESTS = 1_000;
/** Then one client alone, for the latency with nothing queued. */
const SINGLE_CLIENT_REQUESTS = 200;
const P50_TARGET_MS = 10;
const P99_TARGET_MS = 30;
/** The states queried in turn; each gets reports and figures first, so every Query returns items. */
const STATES = ['CN', 'RU', 'DE', 'FR', 'JP', 'NG', 'BR', 'ZA'] as const;

const stateAt = (index: number): string => STATES[index % STATES.length] ?? 'CN';

/** Through the local API: the real handler behind the same HTTP server `npm start` runs. Node's fetch keeps connections alive. */
const apiRequest =
  (apiUrl: string) =>
  async (index: number): Promise<void> => {
    const response = await fetch(`${apiUrl}/states/${stateAt(index)}`);
    const body = await response.text();
    if (response.status !== 200)
      throw new Error(`GET /states/${stateAt(index)} answered ${response.status}: ${body.slice(0, 200)}`);
  };

const queryItems = async (client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<number> => {
  let items = 0;
  let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items += page.Items?.length ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

/**
 * The baseline: the 4 Queries `describeState` issues (custom groups, obligations, the state's
 * reports, its latest figures), in parallel, straight from a document client configured as the
 * handlers' is. No HTTP, no validation, no status evaluation, no JSON: DynamoDB Local's share.
 */
const rawQueries =
  (client: DynamoDBDocumentClient, tableName: string) =>
  async (index: number): Promise<number[]> => {
    const partition = `STATE#${stateAt(index)}`;
    const inPartition = (prefix: string): QueryCommandInput => ({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
    });
    const catalogue = (pk: string): QueryCommandInput => ({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
    return Promise.all([
      queryItems(client, catalogue('GROUP')),
      queryItems(client, catalogue('OBLIGATION')),
      queryItems(client, inPartition('REPORT#')),
      queryItems(client, inPartition('LATEST#')),
    ]);
  };

/** Two reports per queried state (midterm and final on resolution 2397), with figures, through the API as an admin would. */
const recordReports = async (runtime: LocalRuntime): Promise<void> => {
  const token = await runtime.issueToken('bench-admin', { admin: true });
  const post = async (state: string, body: unknown) => {
    const response = await fetch(`${runtime.apiUrl}/states/${state}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new Error(`POST /states/${state}/reports answered ${response.status}: ${text.slice(0, 300)}`);
  };
  for (const [index, state] of STATES.entries()) {
    await post(state, {
      obligationId: '2397-p8-midterm',
      reportDate: '2019-03-20',
      symbol: `S/AC.49/2019/${index + 10}`,
      figures: [
        { metric: 'workers.repatriated', value: 100 * (index + 1), asOf: '2019-03-01', source: { kind: 'un-report' } },
        { metric: 'workers.remaining', value: 50 * index, asOf: '2019-03-01', source: { kind: 'un-report' } },
      ],
    });
    await post(state, {
      obligationId: '2397-p8-final',
      reportDate: '2020-03-20',
      figures: [
        {
          metric: 'workers.remaining',
          value: index % 2 === 0 ? 0 : 10 * index,
          asOf: '2020-03-01',
          source: { kind: 'un-report' },
        },
        { metric: 'work-permits.valid', value: 5 * index, asOf: '2020-03-01', source: { kind: 'national' } },
      ],
    });
  }
};

/**
 * Rows: `GET /states/{code}` latency on the local runtime (DynamoDB Local in memory, seeded,
 * handlers behind the local HTTP server in this process), CLIENTS concurrent clients, beside the
 * same 4 Queries sent directly to the same DynamoDB Local at the same concurrency.
 */
export const getStateLatencyRows = async (runtime: LocalRuntime): Promise<BenchRow[]> => {
  let client: DynamoDBDocumentClient | undefined;
  try {
    await recordReports(runtime);
    client = createDocumentClient(runtime.dynamoDbEndpoint);
    const api = apiRequest(runtime.apiUrl);
    const rawRequest = rawQueries(client, runtime.tableName);
    const [, obligations, reports, latest] = await rawRequest(0);
    if (!obligations || !reports || !latest)
      throw new Error(`the seeded state ${stateAt(0)} has no obligations, reports or figures to read`);
    const raw = async (index: number): Promise<void> => void (await rawRequest(index));

    await closedLoop(WARM_UP_REQUESTS, api, CLIENTS);
    await closedLoop(WARM_UP_REQUESTS, raw, CLIENTS);
    const viaApi: LoadResult[] = [];
    const direct: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      viaApi.push(await closedLoop(Math.ceil(API_REQUESTS / ROUNDS), api, CLIENTS));
      direct.push(await closedLoop(Math.ceil(BASELINE_REQUESTS / ROUNDS), raw, CLIENTS));
    }
    const alone = await closedLoop(SINGLE_CLIENT_REQUESTS, api, 1);
    const rawAlone = await closedLoop(SINGLE_CLIENT_REQUESTS, raw, 1);

    const apiTimes = viaApi.flatMap((result) => result.times);
    const rawTimes = direct.flatMap((result) => result.times);
    const label = `GET /states/{code}, local API, ${CLIENTS} clients (${count(apiTimes.length)} requests, ${STATES.length} states)`;
    const soloLabel = `GET /states/{code}, local API, 1 client (${count(alone.times.length)} requests)`;
    const direct4 = (text: string, n: number) => `4 Queries direct (${count(n)}): ${text}`;
    const [apiP50, apiP99] = [percentile(apiTimes, 50), percentile(apiTimes, 99)];
    return [
      {
        what: `${label}: p50`,
        value: milliseconds(apiP50),
        target: `<= ${P50_TARGET_MS} ms`,
        baseline: direct4(milliseconds(percentile(rawTimes, 50)), rawTimes.length),
        meetsTarget: apiP50 <= P50_TARGET_MS,
      },
      {
        what: `${label}: p99`,
        value: milliseconds(apiP99),
        target: `<= ${P99_TARGET_MS} ms`,
        baseline: direct4(milliseconds(percentile(rawTimes, 99)), rawTimes.length),
        meetsTarget: apiP99 <= P99_TARGET_MS,
      },
      {
        what: `${label}: throughput`,
        value: requestRate(viaApi),
        target: '',
        baseline: direct4(requestRate(direct), rawTimes.length),
      },
      {
        what: `${soloLabel}: p50 / p99`,
        value: `${milliseconds(percentile(alone.times, 50))} / ${milliseconds(percentile(alone.times, 99))}`,
        target: '',
        baseline: direct4(
          `${milliseconds(percentile(rawAlone.times, 50))} / ${milliseconds(percentile(rawAlone.times, 99))}`,
          rawAlone.times.length,
        ),
      },
    ];
  } finally {
    client?.destroy();
  }
};
