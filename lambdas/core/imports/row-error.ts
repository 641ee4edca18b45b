/**
 * What is wrong with one row of an import file: its line as the user sees it in the file (a CSV
 * file's header is line 1), the column at fault (`row` when the row as a whole is), and why.
 */
export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** File order: by line, and within a line in the order found. */
export const byRow = (a: RowError, b: RowError): number => a.row - b.row;
