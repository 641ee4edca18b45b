import { describe, expect, it } from 'vitest';
import { DIGITAL_LIBRARY_PAGE_SIZE, digitalLibraryReader } from '../../../lambdas/adapters/sources/feed-readers.ts';
import type { FetchFunction } from '../../../lambdas/adapters/sources/https-fetcher.ts';
import { MalformedFeedBody } from '../../../lambdas/core/ports/source-feed.ts';
import { isoDate } from '../../../lambdas/core/time/calendar-date.ts';

const record = (n: number) =>
  `<record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">S/AC.49/2024/${n}</subfield></datafield><datafield tag="245" ind1="1" ind2="0"><subfield code="a">Note verbale dated 1 October 2024 from the Permanent Mission of Egypt to the United Nations addressed to the Chair of the Committee</subfield></datafield><datafield tag="269" ind1=" " ind2=" "><subfield code="a">2024-10-02</subfield></datafield></record>`;

/** A Digital Library holding `total` records, paged as its search pages them (`jrec` from 1, `rg` a page). */
const library =
  (total: number, asked: string[]): FetchFunction =>
  async (url) => {
    asked.push(url);
    const params = new URL(url).searchParams;
    const from = Number(params.get('jrec'));
    const size = Number(params.get('rg'));
    const numbers = Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, i) => from + i);
    return new Response(`<collection>${numbers.map(record).join('')}</collection>`);
  };

const today = isoDate('2024-10-03');

describe('reading the Digital Library a page at a time', () => {
  it('asks for 200 records from the watermark, and says whether a full page may have more behind it', async () => {
    const asked: string[] = [];
    const reader = digitalLibraryReader('https://library.test/search?p=S%2FAC.49', { fetch: library(450, asked) });

    const first = await reader.read(reader.start(today), today);
    const second = await reader.read(first.next, today);
    const last = await reader.read(second.next, today);

    expect([first, second, last].map((page) => [page.documents.length, page.next, page.more])).toEqual([
      [200, 201, true],
      [200, 401, true],
      [50, 451, false],
    ]);
    expect(asked.map((url) => new URL(url).searchParams.get('jrec'))).toEqual(['1', '201', '401']);
    expect(new URL(asked[0] ?? '').searchParams.get('rg')).toBe(String(DIGITAL_LIBRARY_PAGE_SIZE));
    expect(new URL(asked[0] ?? '').searchParams.get('of')).toBe('xm');
  });

  it('places an unreadable record by its number in the search, and refuses a body that is no MARCXML', async () => {
    const broken: FetchFunction = async () =>
      new Response(`<collection>${record(1)}<record><datafield tag="191"></record>${record(3)}</collection>`);
    const reader = digitalLibraryReader('https://library.test/search', { fetch: broken });

    const page = await reader.read(201, today);

    expect(page.recordErrors.map((error) => error.position)).toEqual(['record 202']);
    expect(page.next).toBe(204);
    const html: FetchFunction = async () => new Response('<html>busy</html>');
    await expect(digitalLibraryReader('https://library.test/search', { fetch: html }).read(1, today)).rejects.toThrow(
      MalformedFeedBody,
    );
  });
});
