import { type SourceDocument, sourceDocumentSchema } from '../../core/sources/source-document.ts';
import type { FeedParseResult, FeedRecordError } from './feed-parse-result.ts';
import { type MarcRecord, readMarcRecords, subfieldValue } from './marc-xml-reader.ts';
import { zodIssueText } from './zod-issue-text.ts';

const FEED = 'digital-library';

/** 269 $a, as `YYYY-MM-DD` or MARC's compact `YYYYMMDD`. */
const recordDate = (raw: string | undefined): string | undefined => {
  const compact = raw === undefined ? undefined : /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : raw;
};

/** 245 $a with its remainder $b, without the ISBD punctuation (" :", " /") that ends a MARC subfield. */
const recordTitle = (record: MarcRecord): string | undefined => {
  const parts = [subfieldValue(record, '245', 'a'), subfieldValue(record, '245', 'b')];
  const title = parts
    .filter((part): part is string => part !== undefined)
    .map((part) => part.replace(/\s+[:/;=]$/, ''))
    .join(' ');
  return title === '' ? undefined : title;
};

/** 856: one file per language, $u the URL and $y the language; the English file is the link shown. */
const recordFiles = (record: MarcRecord): { languages: string[]; url?: string } => {
  const files = record.datafields
    .filter((field) => field.tag === '856')
    .map((field) => ({
      url: field.subfields.find((subfield) => subfield.code === 'u')?.value,
      language: field.subfields.find((subfield) => subfield.code === 'y')?.value,
    }));
  const languages = files.flatMap((file) => (file.language ? [file.language] : []));
  const https = files.filter((file) => file.url?.startsWith('https://'));
  const url = (https.find((file) => file.language?.toLowerCase() === 'english') ?? https[0])?.url;
  return url ? { languages, url } : { languages };
};

const toDocument = (record: MarcRecord): ReturnType<typeof sourceDocumentSchema.safeParse> =>
  sourceDocumentSchema.safeParse({
    symbol: subfieldValue(record, '191', 'a'),
    title: recordTitle(record),
    publishedOn: recordDate(subfieldValue(record, '269', 'a')),
    ...recordFiles(record),
  });

/** Reads a Digital Library MARCXML search page; each unreadable record is an error at its position. */
export const parseDigitalLibrary = (xml: string): FeedParseResult => {
  if (!/<(?:[\w.-]+:)?collection\b/.test(xml) && !/<(?:[\w.-]+:)?record\b/.test(xml)) {
    return { documents: [], errors: [{ feed: FEED, position: 'body', message: 'not a MARCXML collection' }] };
  }
  const documents: SourceDocument[] = [];
  const errors: FeedRecordError[] = [];
  readMarcRecords(xml).forEach((result, position) => {
    if (!result.ok) {
      errors.push({ feed: FEED, position, message: result.message });
      return;
    }
    const document = toDocument(result.record);
    if (document.success) documents.push(document.data);
    else errors.push({ feed: FEED, position, message: zodIssueText(document.error) });
  });
  return { documents, errors };
};
