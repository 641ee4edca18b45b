import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { checkOutcomeSchema } from '../../cli/commands/check.ts';
import type { recordedFigureSchema } from '../../cli/commands/figure-set.ts';
import type { importSummarySchema } from '../../cli/commands/import.ts';
import type { recordedReportSchema } from '../../cli/commands/report-add.ts';
import type { stateProfileSchema } from '../../cli/commands/state.ts';
import type { statusBoardSchema } from '../../cli/commands/status.ts';
import type { watchListSchema } from '../../cli/commands/watch-list.ts';
import type { testOutcomeSchema } from '../../cli/commands/watch-test.ts';
import type { figureSchema } from '../../cli/format-figure.ts';
import type { watchSchema } from '../../cli/watch-view.ts';
import type { checkRunResponseSchema } from '../../lambdas/core/checks/check-response-schema.ts';
import type {
  latestFiguresResponseSchema,
  recordedFigureResponseSchema,
} from '../../lambdas/core/figures/figure-response-schema.ts';
import type { importResponseSchema } from '../../lambdas/core/imports/import-response-schema.ts';
import type { recordedReportResponseSchema } from '../../lambdas/core/reports/report-response-schema.ts';
import type {
  stateProfileResponseSchema,
  statusBoardResponseSchema,
} from '../../lambdas/core/status/status-response-schema.ts';
import type {
  testMessageResponseSchema,
  watchListResponseSchema,
  watchViewSchema,
} from '../../lambdas/core/watches/watch-response-schema.ts';

/** What the API answers, as JSON carries it, must be something the CLI's reading of it accepts. */
type Answers<Api extends z.ZodMiniType> = z.output<Api>;
type Reads<Cli extends z.ZodMiniType> = z.input<Cli>;

/*
 * Checked by the typecheck (vitest runs nothing here): the CLI reads answers with loose schemas of
 * its own, so a newer API may add fields; a field the CLI prints renamed or retyped in the API's
 * response schema (which the contract walk holds to the real answers) breaks the build, not a user.
 */
describe("the CLI reads what the API's response schemas say it answers", () => {
  it('watches', () => {
    expectTypeOf<Answers<typeof watchViewSchema>>().toExtend<Reads<typeof watchSchema>>();
    expectTypeOf<Answers<typeof watchListResponseSchema>>().toExtend<Reads<typeof watchListSchema>>();
    expectTypeOf<Answers<typeof testMessageResponseSchema>>().toExtend<Reads<typeof testOutcomeSchema>>();
  });

  it('states, status and figures', () => {
    expectTypeOf<Answers<typeof stateProfileResponseSchema>>().toExtend<Reads<typeof stateProfileSchema>>();
    expectTypeOf<Answers<typeof statusBoardResponseSchema>>().toExtend<Reads<typeof statusBoardSchema>>();
    expectTypeOf<Answers<typeof latestFiguresResponseSchema>['figures'][number]>().toExtend<
      Reads<typeof figureSchema>
    >();
    expectTypeOf<Answers<typeof recordedFigureResponseSchema>>().toExtend<Reads<typeof recordedFigureSchema>>();
  });

  it('admin commands', () => {
    expectTypeOf<Answers<typeof checkRunResponseSchema>>().toExtend<Reads<typeof checkOutcomeSchema>>();
    expectTypeOf<Answers<typeof recordedReportResponseSchema>>().toExtend<Reads<typeof recordedReportSchema>>();
    expectTypeOf<Answers<typeof importResponseSchema>>().toExtend<Reads<typeof importSummarySchema>>();
  });
});
