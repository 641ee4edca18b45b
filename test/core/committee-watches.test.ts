import { describe, expect, it } from 'vitest';
import { matchEvent } from '../../lambdas/core/watches/match-events.ts';
import { watchInputSchema } from '../../lambdas/core/watches/watch-schema.ts';
import { dayAfterMidterm, figure, figureChanged, groupIdsOfState, watch } from '../support/watch-fixtures.ts';

const nigeriaOverdue = () => {
  const event = dayAfterMidterm().find((e) => e.type === 'report.overdue' && e.state === 'NG');
  if (!event) throw new Error('the fixture has no Nigeria overdue event');
  return event;
};

const onCommittees = (committees: readonly string[]) =>
  watch({ id: 'w-committee', target: { all: true }, events: ['report.overdue', 'figure.changed'], committees });

describe('watches on committees', () => {
  it('the checker names the committee of the obligation on its events', () => {
    expect(nigeriaOverdue()).toMatchObject({ obligationId: '2397-p8-midterm', committee: '1718' });
  });

  it('hear events about the obligations of the committees they name, and no others', () => {
    expect(matchEvent(nigeriaOverdue(), onCommittees(['1718']), groupIdsOfState)?.states).toEqual(['NG']);
    expect(matchEvent(nigeriaOverdue(), onCommittees(['1267', '1540']), groupIdsOfState)).toBeUndefined();
  });

  it('do not hold back events about no obligation, such as a figure changing', () => {
    const changed = figureChanged(undefined, figure('RU', 'work-permits.valid', { value: 100 }, '2019-03-01'));
    expect(matchEvent(changed, onCommittees(['1267']), groupIdsOfState)).toBeDefined();
  });

  it('are asked for as { committees: ["1718"] }; a committee that is not a resolution number is a 400 naming it', () => {
    const base = { target: { all: true }, events: ['report.overdue'], channel: { email: 'ana@example.org' } };
    expect(watchInputSchema.parse({ ...base, committees: ['1718'] }).committees).toEqual(['1718']);
    const refused = watchInputSchema.safeParse({ ...base, committees: ['dprk'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['committees', 0]);
  });
});
