import * as z from 'zod/mini';
import { type SourceDocument, sourceDocumentSchema } from '../../core/sources/source-document.ts';
import type { IsoDate } from '../../core/time/calendar-date.ts';
import type { FeedParseResult, FeedRecordError } from './feed-parse-result.ts';
import { zodIssueText } from './zod-issue-text.ts';

/**
 * A row of the Official Document System's daily issuance list, with the fields that list is
 * known to carry (/work/shared/SOURCES.md). Fields the service does not read are not checked.
 */
const dailyIssuanceRowSchema = z.object({
  symbol1: z.string(),
  symbol2: z.nullish(z.string()),
  jobId: z.nullish(z.string()),
  distributionType: z.nullish(z.string()),
  title: z.string(),
  // One entry per language, "E: 2416419E": the language code, then the job number of that version.
  files: z._default(z.array(z.string()), []),
  // The format of `links` is not documented anywhere we read: only plain https URLs are used.
  links: z.nullish(z.array(z.unknown())),
});

const languageOf = (file: string): string => file.split(':')[0]?.trim() ?? '';

const firstHttpsLink = (links: readonly unknown[] | null | undefined): string | undefined =>
  links?.find((link): link is string => typeof link === 'string' && link.startsWith('https://'));

const FEED = 'daily-issuance';

/** Reads one day's issuance list (a JSON array of rows); every bad row is an error, the rest documents. */
export const parseDailyIssuance = (body: string, publishedOn: IsoDate): FeedParseResult => {
  let rows: unknown;
  try {
    rows = JSON.parse(body);
  } catch (error) {
    return {
      documents: [],
      errors: [{ feed: FEED, position: 'body', message: `not JSON: ${(error as Error).message}` }],
    };
  }
  if (!Array.isArray(rows)) {
    return { documents: [], errors: [{ feed: FEED, position: 'body', message: 'not a JSON array of rows' }] };
  }
  const documents: SourceDocument[] = [];
  const errors: FeedRecordError[] = [];
  rows.forEach((raw: unknown, position) => {
    const row = dailyIssuanceRowSchema.safeParse(raw);
    if (!row.success) {
      errors.push({ feed: FEED, position, message: zodIssueText(row.error) });
      return;
    }
    const url = firstHttpsLink(row.data.links);
    const document = sourceDocumentSchema.safeParse({
      symbol: row.data.symbol1,
      title: row.data.title,
      publishedOn,
      languages: row.data.files.map(languageOf).filter((code) => code !== ''),
      ...(url ? { url } : {}),
    });
    if (document.success) documents.push(document.data);
    else errors.push({ feed: FEED, position, message: zodIssueText(document.error) });
  });
  return { documents, errors };
};
