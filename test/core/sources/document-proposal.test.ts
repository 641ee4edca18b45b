import { describe, expect, it } from 'vitest';
import { proposalFor } from '../../../lambdas/core/sources/document-proposal.ts';
import { likelyObligation, type ObligationCandidate } from '../../../lambdas/core/sources/likely-obligation.ts';
import type { SourceDocument } from '../../../lambdas/core/sources/source-document.ts';
import { isoDate } from '../../../lambdas/core/time/calendar-date.ts';
import { resolution2397Obligations } from '../../support/registry-obligations.ts';

const document = (symbol: string, title: string): SourceDocument => ({
  symbol,
  title,
  publishedOn: isoDate('2019-12-20'),
  languages: ['E'],
});

const nothingReported = () => new Set<string>();
const context = { obligations: resolution2397Obligations(), reportedObligationIds: nothingReported, windowDays: 120 };

describe('a proposal for an announced document', () => {
  it("a 1718 Committee note from Latvia proposes Latvia's report on the nearest open obligation", () => {
    const note = document(
      'S/AC.49/2019/101',
      'Note verbale dated 16 December 2019 from the Permanent Mission of Latvia to the United Nations addressed to the Chair of the Committee',
    );

    const proposal = proposalFor(note, context);

    expect(proposal).toMatchObject({
      kind: 'report',
      committee: '1718',
      state: 'LV',
      datedOn: '2019-12-16',
      obligationId: '2397-p8-repatriation',
    });
    expect(proposal.reasons).toEqual([
      'S/AC.49/2019/101 is in the S/AC.49 series: the 1718 Committee',
      'The title names the sender "Latvia": Latvia (LV)',
      'The title dates it 16 December 2019',
      '"Repatriation of all DPRK nationals earning income abroad" (2397-p8-repatriation) is due 22 December 2019, 6 days after the note: the nearest open obligation of the 1718 Committee',
    ]);
  });

  it('an obligation the state has already reported on is skipped for the next open one', () => {
    const note = document(
      'S/AC.49/2019/101',
      'Note verbale dated 16 December 2019 from the Permanent Mission of Latvia',
    );

    const proposal = proposalFor(note, { ...context, reportedObligationIds: () => new Set(['2397-p8-repatriation']) });

    expect(proposal).toMatchObject({ state: 'LV', obligationId: '2397-p8-final' });
  });

  it("an observer's note proposes no state and no obligation", () => {
    const note = document(
      'S/AC.49/2024/8',
      'Note verbale dated 5 September 2024 from the Permanent Observer Mission of the Holy See to the United Nations',
    );

    const proposal = proposalFor(note, context);

    expect(proposal).not.toHaveProperty('state');
    expect(proposal).not.toHaveProperty('obligationId');
    expect(proposal.reasons).toContain(
      'The sender "the Holy See" is Holy See, a UN observer state, not a member state',
    );
  });

  it('a document outside any known committee series proposes no committee and no obligation', () => {
    const letter = document(
      'S/2024/670',
      'Letter dated 10 September 2024 from the Permanent Representative of the Sudan to the United Nations addressed to the President of the Security Council',
    );

    const proposal = proposalFor(letter, context);

    expect(proposal).toMatchObject({ kind: 'report', state: 'SD', datedOn: '2024-09-10' });
    expect(proposal).not.toHaveProperty('committee');
    expect(proposal).not.toHaveProperty('obligationId');
  });

  it('a corrigendum is linked to its original, never a report of its own', () => {
    const corrigendum = document(
      'S/AC.49/2024/6/Corr.1',
      'Note verbale dated 11 September 2024 from the Permanent Mission of Egypt to the United Nations',
    );

    expect(proposalFor(corrigendum, context)).toEqual({
      kind: 'amendment',
      document: corrigendum,
      amends: 'S/AC.49/2024/6',
      amendment: 'corrigendum',
      reasons: ['S/AC.49/2024/6/Corr.1 is corrigendum 1 of S/AC.49/2024/6'],
    });
  });

  it('two notes from one state on one day are two proposals for the same state and obligation', () => {
    const title = 'Note verbale dated 16 December 2019 from the Permanent Mission of Egypt to the United Nations';

    const first = proposalFor(document('S/AC.49/2019/102', title), context);
    const second = proposalFor(document('S/AC.49/2019/103', title), context);

    expect([first, second].map((proposal) => proposal.document.symbol)).toEqual([
      'S/AC.49/2019/102',
      'S/AC.49/2019/103',
    ]);
    expect(first).toMatchObject({ state: 'EG', obligationId: '2397-p8-repatriation' });
    expect(second).toMatchObject({ state: 'EG', obligationId: '2397-p8-repatriation' });
  });
});

describe('the obligation a note most likely answers', () => {
  const due = (id: string, dueDate: string, committee = '1718'): ObligationCandidate => ({
    id,
    title: id,
    committee,
    dueDate: isoDate(dueDate),
  });
  const base = { committee: '1718', reportedObligationIds: new Set<string>(), windowDays: 30 };

  it('takes a deadline just passed when it is nearer than the next', () => {
    const match = likelyObligation({
      ...base,
      datedOn: isoDate('2019-03-25'),
      obligations: [due('midterm', '2019-03-22'), due('final', '2019-04-20')],
    });

    expect(match.obligation?.id).toBe('midterm');
    expect(match.reason).toContain('3 days before the note');
  });

  it('on a tie prefers the deadline on or after the note', () => {
    const match = likelyObligation({
      ...base,
      datedOn: isoDate('2019-03-10'),
      obligations: [due('earlier', '2019-03-05'), due('later', '2019-03-15')],
    });

    expect(match.obligation?.id).toBe('later');
  });

  it("ignores other committees' obligations and deadlines outside the window", () => {
    const match = likelyObligation({
      ...base,
      datedOn: isoDate('2019-03-10'),
      obligations: [due('other-committee', '2019-03-10', '1267'), due('far', '2019-05-10')],
    });

    expect(match.obligation).toBeUndefined();
    expect(match.reason).toBe('No open obligation of the 1718 Committee falls due within 30 days of 10 March 2019');
  });
});
