import { deriveDeadlineEvents } from '../lambdas/core/checks/deadline-events.ts';
import { groupDeliveries } from '../lambdas/core/delivery/group-deliveries.ts';
import { groupMembership } from '../lambdas/core/reference/group-membership.ts';
import { builtInGroups } from '../lambdas/core/reference/groups.ts';
import { memberStates } from '../lambdas/core/reference/member-states.ts';
import { seedObligations } from '../lambdas/core/reference/obligations.ts';
import { matchEvents } from '../lambdas/core/watches/match-events.ts';
import type { Watch } from '../lambdas/core/watches/watch.ts';
import { type BenchRow, count, median, milliseconds } from './results-table.ts';

const WATCHES = 10_000;
const RUNS = 5;

/**
 * 10,000 watches over states, groups and "all", spread over 2,500 contacts (so grouping has work),
 * built deterministically so every bench run matches the same set.
 */
const benchWatches = (): Watch[] =>
  Array.from({ length: WATCHES }, (_, index): Watch => {
    const state = memberStates()[index % memberStates().length]?.alpha2 ?? 'RU';
    const group = builtInGroups()[index % builtInGroups().length]?.id ?? 'africa';
    const target =
      index % 50 === 0 ? { all: true as const } : index % 3 === 0 ? { groups: [group] } : { states: [state] };
    return {
      id: `w-${String(index).padStart(5, '0')}`,
      owner: `owner-${index % 1000}`,
      target,
      events: ['report.overdue', 'deadline.approaching', 'deadline.passed'],
      channel: { email: `contact-${index % 2500}@example.org` },
      delivery: { mode: 'immediate', resolved: false },
      status: 'active',
      createdAt: '2019-01-01T00:00:00.000Z',
      updatedAt: '2019-01-01T00:00:00.000Z',
    };
  });

/**
 * Row: the matcher and grouper on the events of a real deadline-check run (the day after the
 * midterm deadline: 193 overdue states) against 10,000 watches, median of RUNS.
 */
export const watchMatchingRows = (): BenchRow[] => {
  const watches = benchWatches();
  const groupIdsOfState = groupMembership([]);
  const { events } = deriveDeadlineEvents({
    at: new Date('2019-03-23T06:00:00Z'),
    obligations: seedObligations,
    states: memberStates(),
    groupIdsOfState,
    reports: [],
    remaining: [],
    memory: [],
  });
  const times: number[] = [];
  let deliveries = 0;
  let matches = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const matched = matchEvents(events, watches, groupIdsOfState);
    deliveries = groupDeliveries(matched).length;
    times.push(performance.now() - started);
    matches = matched.length;
  }
  const time = median(times);
  const pairsPerSecond = (events.length * watches.length) / (time / 1000);
  return [
    {
      what: `watch matching + grouping: ${count(events.length)} events × ${count(WATCHES)} watches (median of ${RUNS})`,
      value: `${milliseconds(time)}; ${count(Math.round(pairsPerSecond))} event×watch pairs/s`,
      target: '',
      baseline: `${count(matches)} matches → ${count(deliveries)} messages (one per contact)`,
    },
  ];
};
