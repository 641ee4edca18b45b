import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WATCHES_PER_OWNER } from '../../lambdas/core/watches/watch-commands.ts';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const africaOverdue = {
  name: 'African states overdue',
  target: { groups: ['africa'] },
  events: ['report.overdue'],
  channel: { email: 'ana@example.org' },
};
const russiaFigures = {
  target: { states: ['RUS'] },
  events: ['figure.changed'],
  metrics: ['work-permits.valid'],
  minChangePct: 10,
  channel: { sms: '+447700900123' },
};

interface WatchBody {
  id: string;
  owner: string;
  status: string;
  target: { states?: string[]; groups?: string[] };
  delivery: { mode: string; resolved: boolean };
  mutedUntil?: string;
}

describe('the watch API', () => {
  it("registers watches for the token's owner, pending until the address is confirmed", async () => {
    const email = await api.send('POST', '/watches', africaOverdue, 'user');
    const sms = await api.send('POST', '/watches', russiaFigures, 'user');

    expect(email.status).toBe(201);
    expect(email.json).toMatchObject({
      status: 'pending-confirmation',
      target: { groups: ['africa'] },
      delivery: { mode: 'immediate', resolved: false },
    });
    expect((sms.json as WatchBody).target.states).toEqual(['RU']);
    const list = (await api.request('/watches', { as: 'user' })).json as { count: number; watches: WatchBody[] };
    expect(list.count).toBe(2);
  });

  it("keeps owners apart: another owner's watch answers 404 to read, change and delete, and is left as it was", async () => {
    const created = (await api.send('POST', '/watches', africaOverdue, 'user')).json as WatchBody;

    const read = await api.request(`/watches/${created.id}`, { as: 'other' });
    const changed = await api.send('PATCH', `/watches/${created.id}`, { name: 'mine now' }, 'other');
    const deleted = await api.request(`/watches/${created.id}`, { method: 'DELETE', as: 'other' });
    const othersList = (await api.request('/watches', { as: 'other' })).json as { count: number };
    const snooping = await api.request(`/watches?owner=${created.owner}`, { as: 'other' });

    expect([read.status, changed.status, deleted.status]).toEqual([404, 404, 404]);
    expect(othersList.count).toBe(0);
    expect(snooping.status).toBe(400);
    expect((await api.request(`/watches/${created.id}`, { as: 'user' })).json).toMatchObject({
      name: 'African states overdue',
    });
  });

  it("lets admins see any owner's watches", async () => {
    const created = (await api.send('POST', '/watches', africaOverdue, 'user')).json as WatchBody;

    const byId = await api.request(`/watches/${created.id}`, { as: 'admin' });
    const byOwner = (await api.request(`/watches?owner=${encodeURIComponent(created.owner)}`, { as: 'admin' }))
      .json as { watches: WatchBody[] };

    expect(byId.status).toBe(200);
    expect(byOwner.watches.map((watch) => watch.id)).toContain(created.id);
  });

  it('changes and deletes a watch; a new address needs confirming again; an unconfirmed watch cannot be resumed', async () => {
    const created = (await api.send('POST', '/watches', russiaFigures, 'other')).json as WatchBody;

    const muted = await api.send(
      'PATCH',
      `/watches/${created.id}`,
      { mutedUntil: '2030-01-01T00:00:00Z', target: { states: ['RU', 'CN'] } },
      'other',
    );
    const unmuted = await api.send('PATCH', `/watches/${created.id}`, { mutedUntil: null }, 'other');
    const resumed = await api.send('PATCH', `/watches/${created.id}`, { status: 'active' }, 'other');
    const deleted = await api.request(`/watches/${created.id}`, { method: 'DELETE', as: 'other' });

    expect(muted.json).toMatchObject({
      mutedUntil: '2030-01-01T00:00:00Z',
      target: { states: ['RU', 'CN'] },
      status: 'pending-confirmation',
    });
    expect((unmuted.json as WatchBody).mutedUntil).toBeUndefined();
    expect(resumed.status).toBe(409);
    expect(deleted.status).toBe(204);
    expect((await api.request(`/watches/${created.id}`, { as: 'other' })).status).toBe(404);
  });

  it.each([
    ['a bad email', { ...africaOverdue, channel: { email: 'ana@' } }, 'channel.email'],
    ['a phone number not in E.164', { ...russiaFigures, channel: { sms: '07700 900123' } }, 'channel.sms'],
    ['an unknown state', { ...russiaFigures, target: { states: ['XX'] } }, 'target.states.0'],
    ['an observer state', { ...russiaFigures, target: { states: ['VA'] } }, 'target.states.0'],
    ['an unknown group', { ...africaOverdue, target: { groups: ['atlantis'] } }, 'target.groups.0'],
    ['an unknown obligation', { ...africaOverdue, obligations: ['2397-p99'] }, 'obligations.0'],
    ['an unknown metric', { ...russiaFigures, metrics: ['workers.imagined'] }, 'metrics.0'],
    ['an unknown event', { ...africaOverdue, events: ['report.lost'] }, 'events.0'],
    ['an empty target', { ...africaOverdue, target: {} }, 'target'],
    ['a negative minChangePct', { ...russiaFigures, minChangePct: -5 }, 'minChangePct'],
  ])('answers %s with 400 (or 404 for a group) naming the field', async (_, body, field) => {
    const response = await api.send('POST', '/watches', body, 'user');

    expect([400, 404]).toContain(response.status);
    expect(response.json).toMatchObject({ error: { field } });
  });

  it(`refuses an owner's watch number ${MAX_WATCHES_PER_OWNER + 1}`, async () => {
    const ownWatches = async () => ((await api.request('/watches', { as: 'admin' })).json as { count: number }).count;
    while ((await ownWatches()) < MAX_WATCHES_PER_OWNER) {
      const response = await api.send('POST', '/watches', africaOverdue, 'admin');
      if (response.status !== 201) throw new Error(`setup failed: ${response.text}`);
    }

    const extra = await api.send('POST', '/watches', africaOverdue, 'admin');

    expect(extra.status).toBe(400);
    expect(extra.json).toMatchObject({ error: { code: 'too-many-watches' } });
    expect(await ownWatches()).toBe(MAX_WATCHES_PER_OWNER);
    // A hundred watches through the API: well over 30 s when other test files load the machine.
  }, 120_000);

  it('needs a token', async () => {
    expect((await api.request('/watches')).status).toBe(401);
    expect((await api.request('/watches', { method: 'POST', body: JSON.stringify(africaOverdue) })).status).toBe(401);
  });
});
