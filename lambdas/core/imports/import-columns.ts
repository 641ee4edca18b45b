/**
 * The columns of an import file (the same names are the keys of a JSON lines object). Each row
 * is a report or a figure, as `kind` says; its columns are those of the single-record API's body,
 * flattened: a figure's `source` becomes `sourceKind`, `sourceRef`, `sourceUrl`, `sourcePublisher`
 * and `sourceReadOn`; a report's `source` becomes `sourceKind`, `sourcePublisher`, `sourceUrl` and
 * `sourceReadOn`.
 */
export const reportColumns = [
  'obligationId',
  'reportDate',
  'dateAccuracy',
  'receivedOn',
  'publishedOn',
  'public',
  'symbol',
  'url',
  'note',
  'sourceKind',
  'sourcePublisher',
  'sourceUrl',
  'sourceReadOn',
] as const;
export const figureColumns = [
  'metric',
  'value',
  'low',
  'high',
  'unit',
  'asOf',
  'sourceKind',
  'sourceRef',
  'sourceUrl',
  'sourcePublisher',
  'sourceReadOn',
  'note',
] as const;

export const importColumns = ['kind', 'state', ...new Set([...reportColumns, ...figureColumns])] as const;
export type ImportColumn = (typeof importColumns)[number];

const numberColumns: ReadonlySet<string> = new Set(['value', 'low', 'high']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A CSV cell as the value a JSON body would carry there: numbers for amounts, a boolean for
 * `public`, text for the rest. A cell that is not what its column holds is said so in CSV's terms.
 */
export const csvCellValue = (
  column: string,
  cell: string,
): { readonly value: unknown } | { readonly error: string } => {
  if (numberColumns.has(column))
    return NUMBER.test(cell)
      ? { value: Number(cell) }
      : { error: `"${cell}" is not a number: write digits only, such as 11490` };
  if (column === 'public') {
    const lower = cell.toLowerCase();
    return lower === 'true' || lower === 'false'
      ? { value: lower === 'true' }
      : { error: `must be true or false, not "${cell}"` };
  }
  return { value: cell };
};
