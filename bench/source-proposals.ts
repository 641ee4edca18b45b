import { parseDailyIssuance } from '../lambdas/adapters/sources/daily-issuance-feed.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../lambdas/core/reference/obligations.ts';
import { proposalFor } from '../lambdas/core/sources/document-proposal.ts';
import { isoDate } from '../lambdas/core/time/calendar-date.ts';
import { type BenchRow, count, median, milliseconds } from './results-table.ts';

const ROWS = 5_000;
const RUNS = 5;

/**
 * A day's issuance list of ROWS rows, deterministic: notes from every member state (by its short
 * name), one in ten a corrigendum, dated around the 2397 paragraph 8 deadlines.
 */
const benchBody = (): string =>
  JSON.stringify(
    Array.from({ length: ROWS }, (_, index) => {
      const state = memberStates()[index % memberStates().length]?.name ?? 'Egypt';
      const day = (index % 28) + 1;
      return {
        symbol1: `S/AC.49/2019/${index + 1}${index % 10 === 9 ? '/Corr.1' : ''}`,
        jobId: `19${String(index).padStart(5, '0')}E`,
        area: 'UNDOC',
        distributionType: 'GEN',
        title: `Note verbale dated ${day} December 2019 from the Permanent Mission of ${state} to the United Nations addressed to the Chair of the Committee`,
        files: ['E: 1900000E', 'F: 1900000F'],
      };
    }),
  );

/** Row: the daily-issuance parser and the proposal rules over ROWS rows, median of RUNS. */
export const sourceProposalRows = (): BenchRow[] => {
  const body = benchBody();
  const context = { obligations: seedObligations, reportedObligationIds: () => new Set<string>(), windowDays: 120 };
  const times: number[] = [];
  let withState = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { documents } = parseDailyIssuance(body, isoDate('2019-12-31'));
    const proposals = documents.map((document) => proposalFor(document, context));
    times.push(performance.now() - started);
    withState = proposals.filter((proposal) => proposal.kind === 'report' && proposal.state !== undefined).length;
  }
  const time = median(times);
  return [
    {
      what: `source proposals: ${count(ROWS)} daily-issuance rows parsed and proposed (median of ${RUNS})`,
      value: `${milliseconds(time)}; ${count(Math.round(ROWS / (time / 1000)))} proposals/s`,
      target: '',
      baseline: `${count(withState)} of ${count(ROWS)} name a member state (the rest are corrigenda)`,
    },
  ];
};
