import { WORKERS_REMAINING } from '../figures/figure.ts';
import type { CustomGroupStore, ObligationCatalogue, StateRecords } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';

export interface StandingDependencies {
  readonly obligations: ObligationCatalogue;
  readonly customGroups: CustomGroupStore;
  readonly stateRecords: StateRecords;
}

/**
 * Everything needed to know where all 193 states stand, in a handful of Query pages: the
 * catalogue, admins' groups, every report, every latest `workers.remaining` and every conditional
 * duty's trigger. Never one request
 * per state or per obligation.
 */
export const loadStandingData = async (deps: StandingDependencies) => {
  const [obligations, customGroups, reports, remaining, triggers] = await Promise.all([
    deps.obligations.list(),
    deps.customGroups.list(),
    deps.stateRecords.allReports(),
    deps.stateRecords.latestFiguresFor(WORKERS_REMAINING),
    deps.stateRecords.allTriggers(),
  ]);
  return { obligations, customGroups, groupIdsOfState: groupMembership(customGroups), reports, remaining, triggers };
};

export type StandingData = Awaited<ReturnType<typeof loadStandingData>>;

/**
 * When the standing data last changed: the newest `recordedAt` of its reports, figures and
 * triggers. Undefined when nothing is recorded yet.
 */
export const lastRecordedAt = (data: Pick<StandingData, 'reports' | 'remaining' | 'triggers'>): string | undefined =>
  [...data.reports, ...data.remaining, ...data.triggers]
    .map((record) => record.recordedAt)
    .reduce<string | undefined>((newest, at) => (newest === undefined || at > newest ? at : newest), undefined);
