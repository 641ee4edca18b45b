import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededTestApi } from '../support/seeded-api.ts';

let api: Awaited<ReturnType<typeof startSeededTestApi>>;

beforeAll(async () => {
  api = await startSeededTestApi();
});
afterAll(() => api.close());

const rowOf = (page: string, obligationId: string): string => {
  const start = page.indexOf(`<tr data-obligation="${obligationId}">`);
  if (start < 0) throw new Error(`no row for ${obligationId}`);
  return page.slice(start, page.indexOf('</tr>', start));
};

describe('GET /board/states/{code}: a paragraph quoted in another language than English', () => {
  it('marks the Chinese words as Chinese and says they are authentic and that no English words were read', async () => {
    const page = await (await fetch(`${api.url}/board/states/CN?asOf=2013-12-01&regime=dprk`)).text();
    const row = rowOf(page, '2094-p25-measures');

    expect(row).toContain('<blockquote lang="zh">25. 呼吁所有国家在本决议通过后90 天内');
    expect(row).toContain('Quoted in Chinese, one of the languages in which the resolution is equally authentic');
    expect(row).toContain('its English words were not read');
    expect(row).not.toContain('Calls on all States');
  });

  it('marks the French words as French and says they are authentic', async () => {
    const page = await (await fetch(`${api.url}/board/states/DE?asOf=2002-01-01&regime=counter-terrorism`)).text();
    const row = rowOf(page, '1373-p6-measures');

    expect(row).toContain('<blockquote lang="fr">6. Décide de créer');
    expect(row).toContain('Quoted in French, one of the languages in which the resolution is equally authentic');
    expect(row).toContain('its English words were not read');
    expect(row).not.toContain('Decides to set up');
  });

  it('shows an English quote as before, with no language note', async () => {
    const page = await (await fetch(`${api.url}/board/states/CN?asOf=2013-12-01&regime=dprk`)).text();
    const row = rowOf(page, '2094-p19-evasion-transfers');

    expect(row).toContain('<blockquote>Requests all States to communicate to the Committee');
    expect(row).not.toContain('Quoted in');
  });
});
