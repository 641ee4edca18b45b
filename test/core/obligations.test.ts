import { describe, expect, it } from 'vitest';
import { obligationSchema } from '../../lambdas/core/obligations/obligation-schema.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';
import { resolution2397Obligations } from '../support/registry-obligations.ts';

describe('the seeded obligations of resolution 2397 paragraph 8', () => {
  it('fall due 15, 24 and 27 months after adoption on 22 December 2017', () => {
    expect(resolution2397Obligations().map(({ id, kind, dueDate }) => ({ id, kind, dueDate }))).toEqual([
      { id: '2397-p8-midterm', kind: 'report', dueDate: '2019-03-22' },
      { id: '2397-p8-repatriation', kind: 'action', dueDate: '2019-12-22' },
      { id: '2397-p8-final', kind: 'report', dueDate: '2020-03-22' },
    ]);
  });

  it('apply to every member state and cite the resolution', () => {
    for (const obligation of resolution2397Obligations()) {
      expect(obligation.appliesTo).toEqual({ scope: 'all' });
      expect(obligation.source.document).toBe('S/RES/2397 (2017)');
      expect(obligationSchema.parse(obligation)).toEqual(obligation);
    }
  });

  it("are the registry's only duties whose reports the service records; past their deadlines the others are never overdue", () => {
    const recorded = seedObligations.filter((obligation) => obligation.reportsRecorded).map(({ id }) => id);
    expect(recorded.sort()).toEqual(['2397-p8-final', '2397-p8-midterm', '2397-p8-repatriation']);
    expect(seedObligations.filter((obligation) => obligation.reportsRecorded === false).length).toBeGreaterThan(0);
  });
});
