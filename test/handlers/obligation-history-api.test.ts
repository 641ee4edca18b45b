import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customGroupStore } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { apiCaller } from '../../local/sample/local-api-client.ts';
import { ensureSampleGroup, recordSampleUpTo } from '../../local/sample/record-sample.ts';
import { sampleRecords } from '../../local/sample/sample-data-2019.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

/** The dated counts over the verified record, as `npm start` seeds it, compared with the counts the press gave. */
let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
  await ensureSampleGroup(customGroupStore(api.documentClient, api.tableName));
  await recordSampleUpTo('2021-12-31', sampleRecords, apiCaller(api.url, api.tokens.admin));
});
afterAll(() => api.close());

interface Day {
  date: string;
  reported: number;
  submitted: number;
  late: number;
  notPublic: number;
  overdue: number;
}
interface History {
  obligationId: string;
  dueDate: string;
  group?: string;
  states: number;
  days: Day[];
}

const history = async (obligation: string, query: string): Promise<History> => {
  const { status, json, text } = await api.request(`/obligations/${obligation}/history?${query}`);
  if (status !== 200) throw new Error(`history answered ${status}: ${text}`);
  return json as History;
};

const reportedOn = (answer: History, date: string): number | undefined =>
  answer.days.find((day) => day.date === date)?.reported;

describe('GET /obligations/{id}/history', () => {
  it('counts, day by day, the midterm reports recorded: China alone by the deadline, Russia on the 26th, three more by the 31st', async () => {
    const answer = await history('2397-p8-midterm', 'from=2019-03-21&to=2019-03-31');
    expect(answer).toMatchObject({ obligationId: '2397-p8-midterm', dueDate: '2019-03-22', states: 193 });
    expect(answer.days).toHaveLength(11);
    expect(answer.days[0]).toEqual({
      date: '2019-03-21',
      reported: 1,
      submitted: 0,
      late: 0,
      notPublic: 1,
      overdue: 0,
    });
    expect(answer.days[1]).toMatchObject({ date: '2019-03-22', reported: 1, overdue: 0 });
    // The day after the deadline, every state without a report is overdue.
    expect(answer.days[2]).toMatchObject({ date: '2019-03-23', reported: 1, overdue: 192 });
    expect(answer.days[5]).toMatchObject({ date: '2019-03-26', reported: 2, late: 1, overdue: 191 });
    expect(answer.days[10]).toMatchObject({ date: '2019-03-31', reported: 5, late: 4, overdue: 188 });
  });

  it('narrows to a group: of the African states, Equatorial Guinea and Egypt had reported by the end of 2019', async () => {
    const answer = await history('2397-p8-midterm', 'from=2019-12-31&to=2019-12-31&group=africa');
    expect(answer).toMatchObject({ group: 'africa', states: 54 });
    expect(answer.days).toEqual([
      { date: '2019-12-31', reported: 2, submitted: 0, late: 2, notPublic: 0, overdue: 52 },
    ]);
  });

  it.each([
    ['from=2019-13-01&to=2019-12-31', 'from'],
    ['from=2019-03-01', 'to'],
    ['from=2019-03-10&to=2019-03-01', 'to'],
    ['from=2015-01-01&to=2021-01-01', 'to'],
    ['from=2019-03-01&to=2019-03-02&grup=africa', 'grup'],
    ['from=2019-03-01&to=2019-03-02&group=Not%20a%20group', 'group'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const { status, json } = await api.request(`/obligations/2397-p8-midterm/history?${query}`);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field } });
  });

  it('answers 400 for an action, which has no reports, and 404 for an unknown obligation', async () => {
    const action = await api.request('/obligations/2397-p8-repatriation/history?from=2019-03-01&to=2019-03-02');
    expect(action.status).toBe(400);
    expect(action.json).toMatchObject({ error: { field: 'id' } });
    expect((await api.request('/obligations/no-such/history?from=2019-03-01&to=2019-03-02')).status).toBe(404);
  });
});

/**
 * The counts the press gave (README, "Where the facts come from"), and what the verified record
 * gives on the same days. They differ where the record lacks states the press counted: no source
 * read names every state, and a state is recorded only with its own source.
 */
describe('the record against the counts the press gave', () => {
  it.each([
    ['2019-03-22', 17, 1],
    ['2019-09-26', 42, 8],
    ['2019-12-06', 47, 9],
    ['2019-12-16', 47, 10],
    ['2019-12-20', 48, 11],
    ['2019-12-31', 50, 11],
  ])('midterm reports on %s: the press counted %i, the record gives %i', async (date, _press, recorded) => {
    expect(reportedOn(await history('2397-p8-midterm', `from=${date}&to=${date}`), date)).toBe(recorded);
  });

  it('final reports on 23 March 2020: VOA counted 8 on the page, the record gives 12 (Poland, Cambodia, the United States and Indonesia besides)', async () => {
    expect(reportedOn(await history('2397-p8-final', 'from=2020-03-23&to=2020-03-23'), '2020-03-23')).toBe(12);
  });

  it.each([
    ['2020-03-30', 52, 22],
    ['2020-07-06', 59, 22],
    ['2021-11-22', 66, 22],
  ])(
    'states with any paragraph 8 report on %s: the press counted %i, the record gives %i',
    async (date, _press, recorded) => {
      const { json } = await api.request(`/status?asOf=${date}`);
      const board = json as {
        obligations: { obligation: { id: string }; states: { code: string; status: { status: string } }[] }[];
      };
      const reporters = new Set(
        board.obligations
          .filter((column) => column.obligation.id !== '2397-p8-repatriation')
          .flatMap((column) => column.states)
          .filter((state) => state.status.status.startsWith('submitted'))
          .map((state) => state.code),
      );
      expect(reporters.size).toBe(recorded);
    },
  );
});
