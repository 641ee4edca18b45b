import { addDays, addMonths, type IsoDate } from '../time/calendar-date.ts';

/** A length of time as a resolution words it: "within 90 days", "within 15 months". */
export type DueOffset = { readonly days: number } | { readonly months: number };

/** What the offset counts from: the resolution's adoption, or a day it names (the measures coming into force). */
export type DueTrigger =
  | { readonly from: 'adoption' }
  | { readonly from: 'named-date'; readonly name: string; readonly date: IsoDate; readonly sourceUrl?: string };

/** After the first deadline: every N months, or on a timetable the committee sets (its dates known once set). */
export type Recurrence =
  | { readonly everyMonths: number }
  | { readonly timetable: string; readonly dates?: readonly IsoDate[] };

/** When an obligation falls due. */
export type ObligationDue =
  | { readonly type: 'once'; readonly within: DueOffset; readonly trigger: DueTrigger }
  | { readonly type: 'recurring'; readonly within: DueOffset; readonly trigger: DueTrigger; readonly then: Recurrence }
  /** No deadline: tracked as received, never overdue. */
  | { readonly type: 'open-ended' }
  /** Owed by a state only once an admin records the event (an inspection, a seizure) for it. */
  | { readonly type: 'conditional'; readonly condition: string; readonly within: DueOffset };

export type DueType = ObligationDue['type'];
export const dueTypes: readonly DueType[] = ['once', 'recurring', 'open-ended', 'conditional'];

/**
 * The last day on time, `offset` after `from`. Days count whole calendar days ("within 90 days"
 * of 2 March 2016 is 31 May 2016); months keep the day of the month, or take the month's last day
 * when it has no such day (addMonths: 31 January + 1 month is 28 or 29 February), as the 2397
 * deadlines have always been read (15 months from 22 December 2017 is 22 March 2019).
 */
export const offsetFrom = (from: IsoDate, offset: DueOffset): IsoDate =>
  'days' in offset ? addDays(from, offset.days) : addMonths(from, offset.months);

const triggerDate = (trigger: DueTrigger, adoptedOn: IsoDate): IsoDate =>
  trigger.from === 'adoption' ? adoptedOn : trigger.date;

/** The first deadline of a dated or recurring duty; none for open-ended and conditional ones. */
export const firstDueDate = (due: ObligationDue, adoptedOn: IsoDate): IsoDate | undefined =>
  due.type === 'once' || due.type === 'recurring'
    ? offsetFrom(triggerDate(due.trigger, adoptedOn), due.within)
    : undefined;

/**
 * The deadline of the `cycle`-th report (0 is the first), or undefined when it is not known: a
 * once duty has one cycle; every-N-months cycles are counted from the first deadline (not from
 * each other, so a 31st never drifts to the 28th); a timetable's dates are known once an admin sets them.
 */
export const dueDateOfCycle = (due: ObligationDue, adoptedOn: IsoDate, cycle: number): IsoDate | undefined => {
  const first = firstDueDate(due, adoptedOn);
  if (first === undefined || cycle === 0) return first;
  if (due.type !== 'recurring') return undefined;
  if ('everyMonths' in due.then) return addMonths(first, cycle * due.then.everyMonths);
  return due.then.dates?.[cycle - 1];
};

/** The first cycle whose deadline is on or after `today`, with that deadline; undefined when none is known. */
export const nextDueOnOrAfter = (
  due: ObligationDue,
  adoptedOn: IsoDate,
  today: IsoDate,
): { readonly cycle: number; readonly dueDate: IsoDate } | undefined => {
  for (let cycle = 0; ; cycle++) {
    const dueDate = dueDateOfCycle(due, adoptedOn, cycle);
    if (dueDate === undefined) return undefined;
    if (dueDate >= today) return { cycle, dueDate };
  }
};
