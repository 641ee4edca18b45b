import { invalidInput } from '../errors.ts';
import type { Figure } from '../figures/figure.ts';
import { figureFromInput, findMetric } from '../figures/figure-from-input.ts';
import type { Obligation } from '../obligations/obligation.ts';
import type { Clock } from '../ports/clock.ts';
import type { CustomGroupStore, MetricCatalogue, ObligationCatalogue, StateRecords } from '../ports/stores.ts';
import { groupMembership } from '../reference/group-membership.ts';
import type { MemberState } from '../reference/member-states.ts';
import { findState } from '../status/state-directory.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';
import type { Report } from './report.ts';
import type { ReportInput } from './report-schema.ts';

export interface RecordReportDependencies {
  readonly clock: Clock;
  readonly obligations: ObligationCatalogue;
  readonly metrics: MetricCatalogue;
  readonly customGroups: CustomGroupStore;
  readonly stateRecords: StateRecords;
}

/** Dates on a report must not be in the future, nor come before the date the report bears. */
export const checkReportDates = (input: ReportInput, today: IsoDate): void => {
  if (input.reportDate > today) throw invalidInput('reportDate', `${input.reportDate} is in the future`);
  for (const field of ['receivedOn', 'publishedOn'] as const) {
    const date = input[field];
    if (date === undefined) continue;
    if (date > today) throw invalidInput(field, `${date} is in the future`);
    if (date < input.reportDate) throw invalidInput(field, `${date} is before the report's date ${input.reportDate}`);
  }
};

/**
 * The obligation `id` names, if the state owes reports on it; otherwise a 400 naming
 * `obligationId`. Group membership is looked up only for an obligation on a group.
 */
export const reportableObligation = async (
  obligation: Obligation | undefined,
  id: string,
  state: Pick<MemberState, 'alpha2' | 'name'>,
  groupsOf: () => Promise<(alpha2: string) => ReadonlySet<string>>,
): Promise<Obligation> => {
  if (!obligation) throw invalidInput('obligationId', `Unknown obligation "${id}"; GET /obligations lists them`);
  if (obligation.kind !== 'report') {
    throw invalidInput(
      'obligationId',
      `${obligation.id} is an action, not a report: record its progress as figures (PUT /states/${state.alpha2}/figures/{metric})`,
    );
  }
  if (obligation.appliesTo.scope === 'group' && !(await groupsOf())(state.alpha2).has(obligation.appliesTo.groupId)) {
    throw invalidInput(
      'obligationId',
      `${obligation.id} applies to the group ${obligation.appliesTo.groupId}, which ${state.name} is not in`,
    );
  }
  return obligation;
};

/** `POST /states/{code}/reports`: records a state's report, and the figures it gives, all or nothing. */
export const recordReport = async (
  rawCode: string,
  input: ReportInput,
  deps: RecordReportDependencies,
): Promise<{ readonly report: Report; readonly figures: readonly (Figure & { readonly latest: boolean })[] }> => {
  const state = findState(rawCode);
  const now = deps.clock.now();
  const today = utcDateOf(now);
  checkReportDates(input, today);
  await reportableObligation(await deps.obligations.get(input.obligationId), input.obligationId, state, async () =>
    groupMembership(await deps.customGroups.list()),
  );

  const recordedAt = now.toISOString();
  const { figures: figureInputs = [], ...reportFields } = input;
  const figures = await Promise.all(
    figureInputs.map(async ({ metric: metricId, ...figure }, index) =>
      figureFromInput(figure, {
        state: state.alpha2,
        metric: await findMetric(deps.metrics, metricId, `figures.${index}.metric`),
        today,
        recordedAt,
        fieldPrefix: `figures.${index}.`,
      }),
    ),
  );
  const report: Report = { ...reportFields, state: state.alpha2, recordedAt };
  const { latest } = await deps.stateRecords.recordReport(report, figures);
  return { report, figures: figures.map((figure, index) => ({ ...figure, latest: latest[index] === true })) };
};
