import { describe, expect, it } from 'vitest';
import { obligationSchema } from '../../lambdas/core/obligations/obligation-schema.ts';
import { seedObligations } from '../../lambdas/core/reference/obligations.ts';

describe('the seeded obligations of resolution 2397 paragraph 8', () => {
  it('fall due 15, 24 and 27 months after adoption on 22 December 2017', () => {
    expect(seedObligations.map(({ id, kind, dueDate }) => ({ id, kind, dueDate }))).toEqual([
      { id: '2397-p8-midterm', kind: 'report', dueDate: '2019-03-22' },
      { id: '2397-p8-repatriation', kind: 'action', dueDate: '2019-12-22' },
      { id: '2397-p8-final', kind: 'report', dueDate: '2020-03-22' },
    ]);
  });

  it('apply to every member state and cite the resolution', () => {
    for (const obligation of seedObligations) {
      expect(obligation.appliesTo).toEqual({ scope: 'all' });
      expect(obligation.source.document).toBe('S/RES/2397 (2017)');
      expect(obligationSchema.parse(obligation)).toEqual(obligation);
    }
  });
});
