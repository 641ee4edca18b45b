import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customGroupStore } from '../../lambdas/adapters/dynamodb/catalogues.ts';
import { createCustomGroup } from '../../lambdas/core/reference/group-directory.ts';
import { REGISTRY_BY_DEADLINE, REGISTRY_OWED_UNTRIGGERED } from '../support/registry-obligations.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;

beforeAll(async () => {
  api = await startSeededTestApi();
  await createCustomGroup(
    {
      id: 'dprk-worker-hosts',
      name: 'States believed to host DPRK workers',
      kind: 'custom',
      members: ['RU', 'CN', 'QA', 'AE', 'KW', 'NG'],
    },
    customGroupStore(api.documentClient, api.tableName),
  );
});
afterAll(() => api.close());

interface StateBody {
  count: number;
  states: { alpha2: string; name: string }[];
}

describe('GET /states', () => {
  it('lists exactly the 193 UN member states', async () => {
    const { status, json, headers } = await api.request('/states');
    const body = json as StateBody;

    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.count).toBe(193);
    expect(body.states).toHaveLength(193);
    expect(body.states.map((s) => s.alpha2)).not.toContain('VA');
  });

  it('filters by a built-in group and by an admin-defined group', async () => {
    const africa = (await api.request('/states?group=africa')).json as StateBody;
    const hosts = (await api.request('/states?group=dprk-worker-hosts')).json as StateBody;

    expect(africa.count).toBe(54);
    expect(africa.states.map((s) => s.alpha2)).toEqual(expect.arrayContaining(['GQ', 'NG', 'UG', 'ZA']));
    expect(hosts.states.map((s) => s.alpha2).sort()).toEqual(['AE', 'CN', 'KW', 'NG', 'QA', 'RU']);
  });

  it.each([
    ['/states?group=Africa!', 400, 'group'],
    ['/states?group=atlantis', 404, 'group'],
    ['/states?gruop=africa', 400, 'gruop'],
  ])('answers %s with %i naming the field', async (path, status, field) => {
    const response = await api.request(path);

    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ error: { field, code: expect.any(String), message: expect.any(String) } });
  });
});

describe('GET /states/{code}', () => {
  it('describes a state by alpha-2 or alpha-3 in any case, with its groups and obligations', async () => {
    const byAlpha2 = await api.request('/states/RU');
    const byAlpha3 = await api.request('/states/rus');

    expect(byAlpha2.status).toBe(200);
    expect(byAlpha3.json).toEqual(byAlpha2.json);
    expect(byAlpha2.json).toMatchObject({
      state: {
        alpha2: 'RU',
        alpha3: 'RUS',
        name: 'Russia',
        region: { name: 'Europe' },
        subRegion: { name: 'Eastern Europe' },
      },
    });
    const obligations = (byAlpha2.json as { obligations: { id: string; status: string }[] }).obligations;
    expect(obligations.map(({ id }) => id)).toEqual(REGISTRY_OWED_UNTRIGGERED);
    expect(obligations.filter(({ id }) => id.startsWith('2397-'))).toMatchObject([
      { id: '2397-p8-midterm', dueDate: '2019-03-22', kind: 'report' },
      { id: '2397-p8-repatriation', dueDate: '2019-12-22', kind: 'action' },
      { id: '2397-p8-final', dueDate: '2020-03-22', kind: 'report' },
    ]);
    // Russia's reports under the Libya measures are not recorded here: never shown as overdue.
    expect(obligations.find(({ id }) => id === '1970-p25-measures')).toMatchObject({ status: 'unrecorded' });
    const groupIds = (byAlpha2.json as { groups: { id: string }[] }).groups.map((g) => g.id);
    expect(groupIds).toEqual(
      expect.arrayContaining(['europe', 'eastern-europe', 'eastern-european-group', 'dprk-worker-hosts']),
    );
  });

  it('says the Holy See is an observer, not a member', async () => {
    const { status, json } = await api.request('/states/VA');

    expect(status).toBe(404);
    expect(json).toEqual({
      error: { code: 'state-not-found', message: expect.stringMatching(/observer state/), field: 'code' },
    });
  });

  it.each(['R1', 'RUSS', 'r%20u'])('answers a malformed code %j with 400 naming "code"', async (code) => {
    const { status, json } = await api.request(`/states/${code}`);

    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'invalid-input', field: 'code' } });
  });

  it('answers an unknown but well-formed code with 404', async () => {
    const { status, json } = await api.request('/states/XX');

    expect(status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'state-not-found', field: 'code' } });
  });

  it('answers a malformed percent-escape with 400 naming the parameter, not 500', async () => {
    const { status, json } = await api.request('/states/%E0%A4%A');

    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'invalid-input', field: 'code' } });
  });
});

describe('GET /groups and /groups/{id}', () => {
  it("lists regions, sub-regions, the five UN regional groups and admins' groups", async () => {
    const { status, json } = await api.request('/groups');
    const groups = (json as { groups: { id: string; kind: string; memberCount: number }[] }).groups;

    expect(status).toBe(200);
    expect(groups.find((g) => g.id === 'africa')).toMatchObject({ kind: 'region', memberCount: 54 });
    expect(
      groups
        .filter((g) => g.kind === 'un-regional-group')
        .map((g) => g.id)
        .sort(),
    ).toEqual([
      'african-group',
      'asia-pacific-group',
      'eastern-european-group',
      'latin-american-and-caribbean-group',
      'western-european-and-others-group',
    ]);
    expect(groups.find((g) => g.id === 'dprk-worker-hosts')).toMatchObject({ kind: 'custom', memberCount: 6 });
  });

  it("lists a group's members with their names", async () => {
    const { status, json } = await api.request('/groups/africa');
    const group = json as { id: string; memberCount: number; members: { code: string; name: string }[] };

    expect(status).toBe(200);
    expect(group.memberCount).toBe(54);
    expect(group.members).toContainEqual({ code: 'GQ', name: 'Equatorial Guinea' });
  });

  it.each([
    ['/groups/Not_A_Slug', 400],
    ['/groups/atlantis', 404],
  ])('answers %s with %i naming "id"', async (path, status) => {
    const response = await api.request(path);

    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ error: { field: 'id' } });
  });
});

describe('GET /obligations', () => {
  it('lists the catalogue, earliest deadline first, those without a fixed one last', async () => {
    const { status, json } = await api.request('/obligations');

    expect(status).toBe(200);
    expect((json as { obligations: { id: string }[] }).obligations.map((o) => o.id)).toEqual(REGISTRY_BY_DEADLINE);
  });

  it('refuses unexpected query parameters', async () => {
    const { status, json } = await api.request('/obligations?regime=dprk&limit=5');

    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field: 'regime' } });
  });

  it.each([
    ['committee=abc', 'committee'],
    ['resolution=two', 'resolution'],
    ['kind=duty', 'kind'],
    ['limit=0', 'limit'],
    ['after=nowhere', 'after'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const { status, json } = await api.request(`/obligations?${query}`);

    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field } });
  });

  it('narrows to a committee, resolution and kind, and pages through the rest by next', async () => {
    const reports = await api.request('/obligations?committee=1718&resolution=2397&kind=report');
    expect(reports.status).toBe(200);
    expect((reports.json as { obligations: { id: string }[] }).obligations.map((o) => o.id)).toEqual([
      '2397-p8-midterm',
      '2397-p8-final',
    ]);

    const first = await api.request('/obligations?committee=1718&limit=2');
    const firstPage = first.json as { obligations: { id: string }[]; next?: string };
    expect(firstPage.obligations.map((o) => o.id)).toEqual(['1718-p11-measures', '1874-p22-measures']);
    expect(firstPage.next).toBe('1874-p22-measures');
    const second = await api.request(`/obligations?committee=1718&limit=2&after=${firstPage.next}`);
    expect(second.json).toMatchObject({
      count: 2,
      obligations: [{ id: '2094-p25-measures' }, { id: '2397-p8-midterm' }],
      next: '2397-p8-midterm',
    });
    const third = await api.request('/obligations?committee=1718&limit=2&after=2397-p8-midterm');
    expect(third.json).toMatchObject({
      count: 2,
      obligations: [{ id: '2397-p8-repatriation' }, { id: '2397-p8-final' }],
      next: '2397-p8-final',
    });
    const fourth = await api.request('/obligations?committee=1718&limit=2&after=2397-p8-final');
    expect(fourth.json).toMatchObject({
      count: 1,
      obligations: [{ id: '2094-p19-evasion-transfers', due: { type: 'open-ended' } }],
    });
    expect(fourth.json).not.toHaveProperty('next');

    // The 2140 (Yemen) Committee: the registry holds no duty of it.
    const none = await api.request('/obligations?committee=2140');
    expect(none.json).toEqual({ count: 0, obligations: [] });
  });
});

describe('faults', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const { status, json } = await api.request('/nowhere');

    expect(status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'route-not-found' } });
  });

  it('answers a corrupted stored item with a generic 500 that leaks nothing', async () => {
    const prepared = await api.request('/states/RU');
    expect(prepared.status).toBe(200);
    await api.documentClient.send(
      new PutCommand({
        TableName: api.tableName,
        Item: { PK: 'GROUP', SK: 'GROUP#zz-broken', itemType: 'group', id: 'zz-broken' },
      }),
    );

    const { status, text } = await api.request('/groups');

    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal-error', message: expect.any(String) } });
    expect(text).not.toMatch(/zz-broken|GROUP#|malformed/);
  });
});
