/** Two spaces between columns: wide enough to read, narrow enough for a terminal. */
const GAP = '  ';

/**
 * Aligns rows under a header, every column as wide as its widest cell; numbers read best
 * right-aligned, so columns named in `alignRight` are. Trailing spaces are dropped.
 */
export const formatTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly alignRight?: readonly number[] } = {},
): string[] => {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const right = new Set(options.alignRight ?? []);
  return all.map((row) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(GAP)
      .trimEnd(),
  );
};

/** `label  value` lines, labels aligned; pairs whose value is undefined are left out. */
export const formatPairs = (pairs: readonly (readonly [string, string | undefined])[]): string[] => {
  const present = pairs.flatMap(([label, value]): [string, string][] => (value === undefined ? [] : [[label, value]]));
  const width = Math.max(0, ...present.map(([label]) => label.length));
  return present.map(([label, value]) => `${label.padEnd(width)}${GAP}${value}`.trimEnd());
};
