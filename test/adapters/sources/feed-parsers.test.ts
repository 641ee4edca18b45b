import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDailyIssuance } from '../../../lambdas/adapters/sources/daily-issuance-feed.ts';
import { parseDigitalLibrary } from '../../../lambdas/adapters/sources/digital-library-feed.ts';
import { describeFeedError } from '../../../lambdas/adapters/sources/feed-parse-result.ts';
import { isoDate } from '../../../lambdas/core/time/calendar-date.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/sources/${name}`, import.meta.url), 'utf8');

describe('the daily issuance list', () => {
  const day = isoDate('2024-09-12');

  it('reads every well-formed row, with its languages, and names the malformed one', () => {
    const { documents, errors } = parseDailyIssuance(fixture('daily-issuance.json'), day);

    expect(documents).toHaveLength(9);
    expect(documents[0]).toEqual({
      symbol: 'S/AC.49/2024/6',
      title:
        'Note verbale dated 11 September 2024 from the Permanent Mission of Egypt to the United Nations addressed to the Chair of the Committee',
      publishedOn: '2024-09-12',
      languages: ['R', 'E', 'F', 'S', 'C'],
    });
    expect(documents.map((document) => document.symbol)).toContain('S/AC.49/2024/6/Corr.1');
    expect(errors.map(describeFeedError)).toEqual([
      'daily-issuance record 9: title: Invalid input: expected string, received number',
    ]);
  });

  it('takes a plain https link as the document URL', () => {
    const { documents } = parseDailyIssuance(fixture('daily-issuance.json'), day);

    expect(documents.find((document) => document.symbol === 'S/AC.49/2024/10')?.url).toBe(
      'https://example.org/S-AC.49-2024-10.pdf',
    );
  });

  it.each([
    ['{"rows": [', 'daily-issuance body: not JSON'],
    ['{"rows": []}', 'daily-issuance body: not a JSON array of rows'],
  ])('a body that is not a list of rows is one error: %s', (body, message) => {
    const { documents, errors } = parseDailyIssuance(body, day);

    expect(documents).toEqual([]);
    expect(errors.map(describeFeedError)[0]).toContain(message);
  });
});

describe('the Digital Library MARCXML', () => {
  it('reads symbol, date, title and files; a malformed record does not stop the rest', () => {
    const { documents, errors } = parseDigitalLibrary(fixture('digital-library.xml'));

    expect(documents.map((document) => document.symbol)).toEqual([
      'S/AC.49/2024/6',
      'S/AC.49/2024/6/Rev.1',
      'S/AC.49/2024/13',
      'S/AC.49/2024/16',
    ]);
    expect(errors.map(describeFeedError)).toEqual([
      'digital-library record 3: unknown entity &unknown;',
      'digital-library record 4: record is not closed',
      'digital-library record 6: publishedOn: must be a calendar date in the form YYYY-MM-DD',
    ]);
  });

  it('links the English file and lists every language', () => {
    const [egypt] = parseDigitalLibrary(fixture('digital-library.xml')).documents;

    expect(egypt).toEqual({
      symbol: 'S/AC.49/2024/6',
      title:
        'Note verbale dated 11 September 2024 from the Permanent Mission of Egypt to the United Nations addressed to the Chair of the Committee',
      publishedOn: '2024-09-12',
      languages: ['العربية', 'English', 'Français'],
      url: 'https://example.org/files/S_AC.49_2024_6-EN.pdf',
    });
  });

  it('reads a compact date, joins 245 $a and $b, decodes CDATA, and links the only file there is', () => {
    const { documents } = parseDigitalLibrary(fixture('digital-library.xml'));

    expect(documents[1]).toMatchObject({
      publishedOn: '2024-09-20',
      title:
        'Note verbale dated 11 September 2024 from the Permanent Mission of Egypt to the United Nations addressed to the Chair of the Committee revision',
      languages: [],
    });
    expect(documents[2]?.title).toContain('Permanent Observer Mission of the State of Palestine');
    expect(documents[3]?.url).toBe('https://example.org/files/S_AC.49_2024_16-ES.pdf');
  });

  it('decodes entities and character references', () => {
    const xml = `<collection><record><datafield tag="191"><subfield code="a">S/AC.49/2024/1</subfield></datafield>
      <datafield tag="245"><subfield code="a">Trinidad &amp; Tobago &#8212; Côte d&#x27;Ivoire &quot;x&quot;</subfield></datafield>
      <datafield tag="269"><subfield code="a">2024-10-08</subfield></datafield></record></collection>`;

    expect(parseDigitalLibrary(xml).documents[0]?.title).toBe('Trinidad & Tobago — Côte d\'Ivoire "x"');
  });

  it('an empty collection has no documents and no errors', () => {
    expect(parseDigitalLibrary('<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>')).toEqual({
      documents: [],
      errors: [],
    });
  });

  it('a body that is no MARCXML is one error naming the feed', () => {
    expect(parseDigitalLibrary('<html>Service unavailable</html>').errors.map(describeFeedError)).toEqual([
      'digital-library body: not a MARCXML collection',
    ]);
  });
});
