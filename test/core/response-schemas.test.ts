import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import type { alertListResponseSchema } from '../../lambdas/core/alerts/alert-response-schema.ts';
import type { checkRunResponseSchema } from '../../lambdas/core/checks/check-response-schema.ts';
import type { DeadlineCheckOutcome } from '../../lambdas/core/checks/run-deadline-check.ts';
import type { DeliveryOutcome } from '../../lambdas/core/delivery/deliver.ts';
import type { DeliveryLogEntry } from '../../lambdas/core/delivery/delivery-records.ts';
import type { WatchPreview } from '../../lambdas/core/delivery/preview-watch.ts';
import type { Figure, Metric } from '../../lambdas/core/figures/figure.ts';
import type {
  figureHistoryResponseSchema,
  latestFiguresResponseSchema,
} from '../../lambdas/core/figures/figure-response-schema.ts';
import type { ObligationPage } from '../../lambdas/core/obligations/obligation-query.ts';
import type { obligationPageResponseSchema } from '../../lambdas/core/obligations/obligation-response-schema.ts';
import type { GroupDetail, GroupSummary } from '../../lambdas/core/reference/group-directory.ts';
import type { MemberState } from '../../lambdas/core/reference/member-states.ts';
import type {
  groupListResponseSchema,
  groupResponseSchema,
  memberStateSchema,
} from '../../lambdas/core/reference/reference-response-schema.ts';
import type { ReportingHistory } from '../../lambdas/core/status/reporting-history-query.ts';
import type { StateProfile } from '../../lambdas/core/status/state-directory.ts';
import type { StatusBoard } from '../../lambdas/core/status/status-board.ts';
import type {
  reportingHistoryResponseSchema,
  stateProfileResponseSchema,
  statusBoardResponseSchema,
} from '../../lambdas/core/status/status-response-schema.ts';
import type {
  deliveryListResponseSchema,
  testMessageResponseSchema,
  watchPreviewResponseSchema,
  watchViewSchema,
} from '../../lambdas/core/watches/watch-response-schema.ts';
import type { WatchView } from '../../lambdas/core/watches/watch-view.ts';

/** The core's types are readonly throughout; the schemas' are not. What a value holds is the same. */
type Mutable<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? Mutable<Item>[]
    : T extends object
      ? { -readonly [Key in keyof T]: Mutable<T[Key]> }
      : T;

/** What the schema describes, as JSON carries it (its input side: dates are still strings). */
type Described<Schema extends z.ZodMiniType> = z.input<Schema>;

/*
 * Checked by the typecheck (vitest runs nothing here): a required field renamed or retyped in a
 * core type breaks the build until its response schema follows; the walk in
 * test/handlers/api-contract.test.ts catches a field added without one.
 */
describe('response schemas describe the core types the handlers answer with', () => {
  it('watches', () => {
    expectTypeOf<Mutable<WatchView>>().toExtend<Described<typeof watchViewSchema>>();
    expectTypeOf<Mutable<WatchPreview>>().toExtend<Described<typeof watchPreviewResponseSchema>>();
    expectTypeOf<Mutable<DeliveryOutcome>>().toExtend<Described<typeof testMessageResponseSchema>>();
    expectTypeOf<Mutable<{ count: number; deliveries: DeliveryLogEntry[]; next?: string }>>().toExtend<
      Described<typeof deliveryListResponseSchema>
    >();
  });

  it('states, groups and standing', () => {
    expectTypeOf<Mutable<MemberState>>().toExtend<Described<typeof memberStateSchema>>();
    expectTypeOf<Mutable<{ count: number; groups: GroupSummary[] }>>().toExtend<
      Described<typeof groupListResponseSchema>
    >();
    expectTypeOf<Mutable<GroupDetail>>().toExtend<Described<typeof groupResponseSchema>>();
    expectTypeOf<Mutable<StatusBoard>>().toExtend<Described<typeof statusBoardResponseSchema>>();
    expectTypeOf<Mutable<StateProfile>>().toExtend<Described<typeof stateProfileResponseSchema>>();
    expectTypeOf<Mutable<ReportingHistory>>().toExtend<Described<typeof reportingHistoryResponseSchema>>();
    expectTypeOf<Mutable<ObligationPage>>().toExtend<Described<typeof obligationPageResponseSchema>>();
  });

  it('figures, alerts and checks', () => {
    expectTypeOf<Mutable<{ state: string; count: number; figures: Figure[] }>>().toExtend<
      Described<typeof latestFiguresResponseSchema>
    >();
    expectTypeOf<Mutable<{ state: string; metric: Metric; count: number; history: Figure[] }>>().toExtend<
      Described<typeof figureHistoryResponseSchema>
    >();
    expectTypeOf<Mutable<{ count: number; alerts: AlertEvent[]; next?: string }>>().toExtend<
      Described<typeof alertListResponseSchema>
    >();
    expectTypeOf<Mutable<DeadlineCheckOutcome & { count: number; dynamoDbRequests: number }>>().toExtend<
      Described<typeof checkRunResponseSchema>
    >();
  });
});
