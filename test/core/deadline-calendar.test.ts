import { describe, expect, it } from 'vitest';
import { deadlineCalendarOf, lastChangeOf } from '../../lambdas/core/feeds/deadline-calendar.ts';
import { deadlineCalendarIcs } from '../../lambdas/core/feeds/deadline-calendar-ics.ts';
import { builtInGroups } from '../../lambdas/core/reference/groups.ts';
import { findMemberState, type MemberState, memberStates } from '../../lambdas/core/reference/member-states.ts';
import { buildStatusBoard } from '../../lambdas/core/status/status-board.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { calendarEvents as eventsOf } from '../support/feed-readers.ts';
import { resolution2397Obligations, seededObligation } from '../support/registry-obligations.ts';
import { groupIdsOfState, report } from '../support/watch-fixtures.ts';

const at = new Date('2019-12-16T12:00:00.000Z');
/** When the data last changed: what every event's DTSTAMP says. */
const changedAt = new Date('2019-12-16T00:00:00.000Z');
/**
 * The board of `at` over the given states. Russia and Equatorial Guinea reported on time; China
 * too, but asked for its report to stay unpublished.
 */
const boardOf = (states: readonly MemberState[] = memberStates(), obligations = resolution2397Obligations()) =>
  buildStatusBoard({
    at,
    obligations,
    states,
    groupIdsOfState,
    reports: [report('RU', '2019-03-20'), report('GQ', '2019-03-20'), report('CN', '2019-03-20', { public: false })],
    remaining: [],
  });

const russia = (): MemberState => {
  const state = findMemberState('RU');
  if (!state) throw new Error('no Russia');
  return state;
};

describe('the deadline calendar', () => {
  it("has one all-day event per obligation on its due date, stamped with the data's last change, that node-ical reads back", () => {
    const events = eventsOf(deadlineCalendarIcs(deadlineCalendarOf(boardOf(), changedAt)));

    expect(events.map((event) => [event.uid, event.start, event.allDay, event.summary])).toEqual([
      [
        'deadline-2397-p8-midterm-2019-03-22@sanctions-watch',
        '2019-03-22',
        true,
        'Deadline: Midterm report on repatriated DPRK workers',
      ],
      [
        'deadline-2397-p8-repatriation-2019-12-22@sanctions-watch',
        '2019-12-22',
        true,
        'Deadline: Repatriation of all DPRK nationals earning income abroad',
      ],
      [
        'deadline-2397-p8-final-2020-03-22@sanctions-watch',
        '2020-03-22',
        true,
        'Deadline: Final report on repatriated DPRK workers',
      ],
    ]);
    expect(events.map((event) => event.stamp)).toEqual(Array(3).fill(changedAt.toISOString()));
    expect(events.map((event) => event.end)).toEqual(['2019-03-23', '2019-12-23', '2020-03-23']);
  });

  it('reminds a week and a day before each deadline', () => {
    const [midterm] = eventsOf(deadlineCalendarIcs(deadlineCalendarOf(boardOf(), changedAt)));

    expect(midterm?.alarms).toEqual([
      {
        action: 'DISPLAY',
        trigger: '-P7D',
        description: 'Deadline: Midterm report on repatriated DPRK workers, in 7 days',
      },
      {
        action: 'DISPLAY',
        trigger: '-P1D',
        description: 'Deadline: Midterm report on repatriated DPRK workers, in 1 day',
      },
    ]);
  });

  it('describes the states still owing each obligation as of the board, by name, with the days overdue', () => {
    const [midterm, repatriation] = eventsOf(deadlineCalendarIcs(deadlineCalendarOf(boardOf(), changedAt)));
    const lines = midterm?.description.split('\n') ?? [];

    expect(lines.slice(0, 3)).toEqual([
      'Resolution 2397, paragraph 8 (2397-p8-midterm): a report due 22 March 2019.',
      'As of 16 December 2019, 190 of 193 states are yet to report:',
      '- Afghanistan (AF): 269 days overdue',
    ]);
    expect(lines).toHaveLength(2 + 190);
    expect(lines).toContain('- Nigeria (NG): 269 days overdue');
    expect(lines.filter((line) => /\((RU|GQ|CN)\)/.test(line))).toEqual([]);
    expect(repatriation?.description.split('\n')[1]).toBe('As of 16 December 2019, 193 of 193 states are yet to act:');
  });

  it('narrowed to one state, names that state and says when it owes nothing more', () => {
    const ru = russia();
    const calendar = deadlineCalendarOf(boardOf(), changedAt, ru);
    const [midterm, , final] = eventsOf(deadlineCalendarIcs(calendar));

    expect(calendar.name).toBe(`sanctions-watch deadlines: ${ru.name}`);
    expect(midterm?.uid).toBe('deadline-2397-p8-midterm-2019-03-22-state-RU@sanctions-watch');
    expect(midterm?.description.split('\n')[1]).toBe('As of 16 December 2019, every state it applies to has reported.');
    expect(final?.description.split('\n').slice(1)).toEqual([
      'As of 16 December 2019, 1 of 1 state is yet to report:',
      `- ${ru.name} (RU)`,
    ]);
  });

  it('narrowed to a group, counts only its members; with a state outside the group, has no events', () => {
    const africa = new Set(builtInGroups().find((group) => group.id === 'africa')?.members);
    const africanBoard = boardOf(memberStates().filter((state) => africa.has(state.alpha2)));

    const calendar = deadlineCalendarOf({ ...africanBoard, group: 'africa' }, changedAt);
    const events = eventsOf(deadlineCalendarIcs(calendar));

    expect(calendar.name).toBe('sanctions-watch deadlines: africa');
    expect(events.map((event) => event.uid)).toEqual([
      'deadline-2397-p8-midterm-2019-03-22-group-africa@sanctions-watch',
      'deadline-2397-p8-repatriation-2019-12-22-group-africa@sanctions-watch',
      'deadline-2397-p8-final-2020-03-22-group-africa@sanctions-watch',
    ]);
    expect(events[0]?.description.split('\n')[1]).toBe('As of 16 December 2019, 53 of 54 states are yet to report:');
    expect(deadlineCalendarOf({ ...africanBoard, group: 'africa' }, changedAt, russia()).events).toEqual([]);
  });

  it('lists no state as owing a duty whose reports the service does not record, and says so', () => {
    const libya = seededObligation('1970-p25-measures');
    const [event] = eventsOf(deadlineCalendarIcs(deadlineCalendarOf(boardOf(memberStates(), [libya]), changedAt)));

    expect(libya.reportsRecorded).toBe(false);
    expect(event?.description.split('\n')).toEqual([
      'Resolution 1970, paragraph 25 (1970-p25-measures): a report due 26 June 2011.',
      "The states' reports on it are not recorded here, so no state is listed as owing it.",
    ]);
  });

  it('is stamped with the newest record, or with the start of its day when the record is older, as "as of" turns over', () => {
    expect(lastChangeOf(isoDate('2019-12-16'), '2019-12-16T09:30:00.000Z').toISOString()).toBe(
      '2019-12-16T09:30:00.000Z',
    );
    expect(lastChangeOf(isoDate('2019-12-16'), '2019-03-20T10:00:00.000Z').toISOString()).toBe(
      '2019-12-16T00:00:00.000Z',
    );
    expect(lastChangeOf(isoDate('2019-12-16'), undefined).toISOString()).toBe('2019-12-16T00:00:00.000Z');
  });
});
