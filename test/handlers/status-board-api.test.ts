import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { midtermReporters, midtermReportOf } from '../support/midterm-reporters.ts';
import { REGISTRY_BY_DEADLINE } from '../support/registry-obligations.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
  for (const code of midtermReporters) {
    const response = await api.send('POST', `/states/${code}/reports`, midtermReportOf(code));
    if (response.status !== 201) throw new Error(`could not record ${code}'s report: ${response.text}`);
  }
});
afterAll(() => api.close());

interface Board {
  asOf: string;
  obligations: {
    obligation: { id: string };
    counts: Record<string, number>;
    overdue: { code: string; name: string; daysOverdue: number }[];
  }[];
}

const midterm = (board: Board) => board.obligations.find((column) => column.obligation.id === '2397-p8-midterm');

describe('GET /status', () => {
  it('as of 2019-12-16, with 48 midterm reports recorded, shows 145 states overdue', async () => {
    const { status, json } = await api.request('/status?asOf=2019-12-16&obligation=2397-p8-midterm');
    const column = midterm(json as Board);

    expect(status).toBe(200);
    expect((json as Board).asOf).toBe('2019-12-16');
    expect(column?.counts).toMatchObject({ overdue: 145, submitted: 47, 'submitted-not-public': 1 });
    expect(column?.overdue).toHaveLength(145);
    expect(column?.overdue).toContainEqual({ code: 'NG', name: 'Nigeria', daysOverdue: 269 });
    expect(column?.overdue.map((state) => state.code)).not.toContain('CN');
  });

  it('narrowed to the African states, where only Equatorial Guinea reported, shows 53 overdue', async () => {
    const { json } = await api.request('/status?asOf=2019-12-16&obligation=2397-p8-midterm&group=africa');
    const column = midterm(json as Board);

    expect(column?.counts.overdue).toBe(53);
    expect(column?.counts.submitted).toBe(1);
    expect(column?.overdue.map((state) => state.code)).not.toContain('GQ');
  });

  it('shows every obligation when none is named, the repatriation deadline as passed after 22 December 2019', async () => {
    const { json } = await api.request('/status?asOf=2019-12-23');
    const board = json as Board;

    const column = (id: string) => board.obligations.find((candidate) => candidate.obligation.id === id);

    expect(board.obligations.map((candidate) => candidate.obligation.id)).toEqual(REGISTRY_BY_DEADLINE);
    expect(column('2397-p8-repatriation')?.counts['deadline-passed']).toBe(193);
    expect(column('2397-p8-final')?.counts['due-soon']).toBe(0);
    expect(column('2397-p8-final')?.counts['not-due']).toBe(193);
    expect(column('1970-p25-measures')?.counts).toMatchObject({ unrecorded: 193, overdue: 0 });
    expect(column('1970-p25-measures')?.obligation).toMatchObject({ reportsRecorded: false });
  });

  it.each([
    ['/status?asOf=2019-13-01', 400, 'asOf'],
    ['/status?asOf=16-12-2019', 400, 'asOf'],
    ['/status?group=atlantis', 404, 'group'],
    ['/status?group=Not%20a%20slug', 400, 'group'],
    ['/status?obligation=2397-p99', 400, 'obligation'],
    ['/status?as_of=2019-12-16', 400, 'as_of'],
  ])('answers %s with %i naming the field', async (path, status, field) => {
    const response = await api.request(path);

    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ error: { field } });
  });
});
