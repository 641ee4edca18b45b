import { type ImportFormat, lineBreaks, readImportText } from './import-text.ts';

/** A part of an import file that is a valid import file itself: the header (CSV) and a run of rows. */
export interface ImportChunk {
  readonly text: string;
  readonly rows: number;
  /** The file's line for a line of `text`, so errors about a part name the lines of the file. */
  readonly fileLine: (line: number) => number;
}

/**
 * Cuts a file into parts of `rowsPerChunk` rows, each the file's own text (blank lines and
 * multi-line cells as they are) after the CSV header, for sending a large file request by request.
 */
export const importChunks = (text: string, format: ImportFormat, rowsPerChunk: number): ImportChunk[] => {
  const file = readImportText(text, format);
  const headerLines = lineBreaks(file.header);
  const chunks: ImportChunk[] = [];
  for (let index = 0; index < file.rows.length; index += rowsPerChunk) {
    const rows = file.rows.slice(index, index + rowsPerChunk);
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) break;
    chunks.push({
      text: `${file.header}${file.text.slice(first.start, last.end)}`,
      rows: rows.length,
      fileLine: (line) => (line <= headerLines ? line : first.line + line - headerLines - 1),
    });
  }
  return chunks;
};
