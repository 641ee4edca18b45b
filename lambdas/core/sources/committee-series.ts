/**
 * Symbol series of sanctions committees' documents → the committee, by its founding resolution.
 * Only series checked against a page are listed: S/AC.49 is the Committee established pursuant
 * to resolution 1718 (2006) (/work/shared/SOURCES.md, "Committee symbol series"). No page found
 * so far names another committee's series, so no other is guessed (docs/sources.md).
 */
const committeeSeries: Readonly<Record<string, string>> = { 'S/AC.49': '1718' };

export interface CommitteeOfSymbol {
  readonly series: string;
  readonly committee: string;
}

/** The committee whose series the symbol belongs to, or undefined when no known series matches. */
export const committeeOfSymbol = (symbol: string): CommitteeOfSymbol | undefined => {
  const upper = symbol.trim().toUpperCase();
  for (const [series, committee] of Object.entries(committeeSeries)) {
    if (upper.startsWith(`${series.toUpperCase()}/`)) return { series, committee };
  }
  return undefined;
};
