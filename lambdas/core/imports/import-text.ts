import { CsvError, parse } from 'csv-parse/sync';
import { type ImportColumn, importColumns } from './import-columns.ts';
import type { RowError } from './row-error.ts';

/** The two file formats an import takes: CSV with a header line, or JSON lines (one object per line). */
export type ImportFormat = 'csv' | 'jsonl';

/** One row of an import file as read, before any validation. */
export interface TextRow {
  /** The line it starts on, as an editor numbers them (a CSV header is line 1). */
  readonly line: number;
  /** CSV: its non-empty cells as text. JSON lines: its object's members that are not null. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Where its text starts and ends in the file (characters, the end exclusive and after its line break), so a file can be sent in parts. */
  readonly start: number;
  readonly end: number;
}

export interface ImportText {
  /** The file's text, without a byte-order mark; `start` and `end` index into it. */
  readonly text: string;
  /** A CSV file's header line, with its line break; empty for JSON lines. */
  readonly header: string;
  readonly rows: readonly TextRow[];
  /** Lines that cannot be read at all: a malformed CSV header or quote, a line that is not a JSON object. */
  readonly errors: readonly RowError[];
}

/** Lines end with CRLF, LF or a lone CR, as csv-parse accepts them. */
export const lineBreaks = (text: string): number => text.match(/\r\n|\n|\r/g)?.length ?? 0;

/** Blank lines before a record belong to its text; its line is the first after them. */
const leadingBlankLines = (text: string): string => /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text)?.[0] ?? '';

const isColumn = (name: string): name is ImportColumn => (importColumns as readonly string[]).includes(name);

const headerErrors = (names: readonly string[], line: number): RowError[] => {
  const errors: RowError[] = [];
  names.forEach((name, index) => {
    if (name === '') errors.push({ row: line, field: `column ${index + 1}`, message: 'has no name' });
    else if (!isColumn(name))
      errors.push({ row: line, field: name, message: `is not a column; the columns are ${importColumns.join(', ')}` });
    else if (names.indexOf(name) !== index)
      errors.push({ row: line, field: name, message: 'appears twice in the header' });
  });
  for (const required of ['kind', 'state'] as const) {
    if (!names.includes(required))
      errors.push({ row: line, field: required, message: 'is a column every file needs: the header must name it' });
  }
  return errors;
};

/**
 * CSV through csv-parse. Records are located by the bytes csv-parse reports having consumed after
 * each one (its own line count is off for CRLF line breaks inside quoted cells), so a row's line
 * and text are exactly those of the file, multi-line cells and blank lines included.
 */
const readCsv = (text: string): ImportText => {
  const endBytes: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        endBytes.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse puts the line it stopped at on the error, untyped.
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return {
      text,
      header: '',
      rows: [],
      errors: [{ row: line, field: 'row', message: `is not valid CSV: ${error.message}` }],
    };
  }
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  let offset = 0;
  let linesBefore = 0;
  const located = records.map((record, index) => {
    const segment = decoder.decode(bytes.subarray(index === 0 ? 0 : (endBytes[index - 1] ?? 0), endBytes[index]));
    const leading = leadingBlankLines(segment);
    const row = {
      record,
      line: linesBefore + lineBreaks(leading) + 1,
      start: offset + leading.length,
      end: offset + segment.length,
    };
    offset += segment.length;
    linesBefore += lineBreaks(segment);
    return row;
  });
  const [head, ...body] = located;
  if (!head) return { text, header: '', rows: [], errors: [] };
  const names = head.record.map((name) => name.trim());
  const errors = headerErrors(names, head.line);
  if (errors.length > 0) return { text, header: '', rows: [], errors };
  const rows: TextRow[] = [];
  for (const { record, line, start, end } of body) {
    // A line of nothing but separators or spaces holds no row.
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length > names.length) {
      errors.push({
        row: line,
        field: 'row',
        message: `has ${record.length} cells but the header names ${names.length} columns`,
      });
      continue;
    }
    const fields = Object.fromEntries(
      record.map((cell, index) => [names[index] ?? '', cell.trim()]).filter(([, cell]) => cell !== ''),
    );
    rows.push({ line, fields, start, end });
  }
  return { text, header: text.slice(head.start, head.end), rows, errors };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON lines by hand: one object per line; blank lines are skipped. */
const readJsonLines = (text: string): ImportText => {
  const rows: TextRow[] = [];
  const errors: RowError[] = [];
  let line = 0;
  for (const match of text.matchAll(/([^\r\n]*)(\r\n|\n|\r|$)/g)) {
    const [whole, content = '', lineBreak] = match;
    if (whole === '') break;
    line += 1;
    if (content.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      errors.push({
        row: line,
        field: 'row',
        message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    if (!isObject(parsed)) {
      errors.push({ row: line, field: 'row', message: 'must be a JSON object: one row per line' });
      continue;
    }
    const fields = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== null));
    rows.push({ line, fields, start: match.index, end: match.index + content.length + (lineBreak?.length ?? 0) });
  }
  return { text, header: '', rows, errors };
};

/** Reads an import file's rows with their line numbers; a byte-order mark is dropped. */
export const readImportText = (text: string, format: ImportFormat): ImportText => {
  const withoutBom = text.replace(/^\uFEFF/, '');
  return format === 'csv' ? readCsv(withoutBom) : readJsonLines(withoutBom);
};
