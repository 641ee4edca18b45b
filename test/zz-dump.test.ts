import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, it } from 'vitest';
import { midtermReporters, midtermReportOf } from './support/midterm-reporters.ts';
import { startSeededTestApi } from './support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;
beforeAll(async () => {
  api = await startSeededTestApi();
  for (const code of midtermReporters.slice(0, 3))
    await api.send('POST', `/states/${code}/reports`, midtermReportOf(code));
});
afterAll(() => api.close());

it('dumps', async () => {
  const out: Record<string, unknown> = {};
  const trim = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.slice(0, 2).map(trim)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trim(x)]))
        : v;
  const w = await api.send(
    'POST',
    '/watches',
    {
      target: { states: ['RUS'] },
      events: ['figure.changed'],
      metrics: ['work-permits.valid'],
      channel: { email: 'a@example.org' },
    },
    'user',
  );
  out['POST /watches'] = w.json;
  const id = (w.json as { id: string }).id;
  out['fig'] = (
    await api.send('PUT', '/states/RU/figures/work-permits.valid', {
      value: 10,
      asOf: '2019-06-01',
      source: 'https://example.org/x',
    })
  ).json;
  out['wfig'] = (
    await api.send('PUT', '/world/figures/work-permits.valid', {
      value: 10,
      asOf: '2019-06-01',
      source: 'https://example.org/x',
    })
  ).json;
  for (const path of [
    '/states',
    '/states/RU',
    '/states/RU/figures',
    '/states/RU/figures/work-permits.valid',
    '/world/figures',
    '/world/figures/work-permits.valid',
    '/groups',
    '/groups/africa',
    '/obligations?limit=2',
    '/obligations/2397-p8-midterm/history?from=2019-12-01&to=2019-12-03',
    '/metrics',
    '/status?asOf=2019-12-16&obligation=2397-p8-midterm',
    '/alerts?limit=2',
    '/watches',
    `/watches/${id}`,
    `/watches/${id}/deliveries`,
    `/watches/${id}/preview`,
  ]) {
    const r = await api.request(path, { as: 'user' });
    out[path] = { status: r.status, json: trim(r.json) };
  }
  out['PATCH'] = (await api.send('PATCH', `/watches/${id}`, { name: 'x' }, 'user')).json;
  out['feedkey'] = (await api.send('POST', `/watches/${id}/feed-key`, {}, 'user')).json;
  out['confirmation'] = (await api.send('POST', `/watches/${id}/confirmation`, {}, 'user')).json;
  out['check'] = trim((await api.send('POST', '/checks', { at: '2019-12-16T00:00:00Z' })).json);
  out['err404'] = (await api.request('/states/XX')).json;
  writeFileSync('/tmp/dump.json', JSON.stringify(out, null, 1));
});
