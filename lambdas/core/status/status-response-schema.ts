import * as z from 'zod/mini';
import { isoDateString, isoInstantString } from '../api/response-fields.ts';
import { figureHistoryResponseSchema } from '../figures/figure-response-schema.ts';
import { dueTypes } from '../obligations/obligation-due.ts';
import { groupRefSchema, memberStateSchema } from '../reference/reference-response-schema.ts';
import { storedReportSchema } from '../reports/report-schema.ts';
import { obligationStatusNames } from './obligation-status.ts';

const accuracy = { dateAccuracy: z.optional(z.enum(['month', 'on-or-before'])) };

/** Where a state stands on one obligation (ObligationStatus): the status, and the one number or day it carries. */
export const obligationStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('not-applicable') }),
  z.strictObject({ status: z.literal('open') }),
  z.strictObject({ status: z.literal('not-due'), daysUntilDue: z.int() }),
  z.strictObject({ status: z.literal('due-soon'), daysUntilDue: z.int() }),
  z.strictObject({ status: z.literal('submitted'), submittedOn: isoDateString, ...accuracy }),
  z.strictObject({ status: z.literal('submitted-late'), submittedOn: isoDateString, daysLate: z.int(), ...accuracy }),
  z.strictObject({
    status: z.literal('submitted-not-public'),
    submittedOn: isoDateString,
    daysLate: z.int(),
    ...accuracy,
  }),
  z.strictObject({ status: z.literal('overdue'), daysOverdue: z.int() }),
  z.strictObject({ status: z.literal('deadline-passed'), daysPassed: z.int() }),
  z.strictObject({ status: z.literal('unrecorded'), daysSinceDue: z.int() }),
  z.strictObject({ status: z.literal('met'), metOn: isoDateString }),
]);

/** The obligation heading a board column or a state's standing. */
const obligationHeadingFields = {
  id: z.string(),
  title: z.string(),
  kind: z.enum(['report', 'action']),
  resolution: z.string(),
  paragraph: z.string(),
  due: z.enum(dueTypes as readonly [string, ...string[]]),
  dueDate: z.optional(isoDateString),
  committee: z.optional(z.string()),
  regime: z.optional(z.string()),
  reportsRecorded: z.optional(z.literal(false)),
};

const countsSchema = z.record(z.string(), z.int());

/** `GET /status`: per obligation, the counts by status, the overdue states and every state's standing. */
export const statusBoardResponseSchema = z.strictObject({
  asOf: isoDateString,
  at: isoInstantString,
  group: z.optional(z.string()),
  obligations: z.array(
    z.strictObject({
      obligation: z.strictObject(obligationHeadingFields),
      counts: countsSchema,
      overdue: z.array(z.strictObject({ code: z.string(), name: z.string(), daysOverdue: z.int() })),
      states: z.array(
        z.strictObject({ code: z.string(), status: obligationStatusSchema, dueDate: z.optional(isoDateString) }),
      ),
    }),
  ),
});

/**
 * `GET /states/{code}`: the state, its groups, where it stands on each obligation (the status's
 * fields sit beside the obligation's), and its latest figures.
 */
export const stateProfileResponseSchema = z.strictObject({
  state: memberStateSchema,
  asOf: isoDateString,
  groups: z.array(groupRefSchema),
  obligations: z.array(
    // Not strict: the status's own fields (daysOverdue, submittedOn...) sit beside the obligation's.
    z.object({
      ...obligationHeadingFields,
      status: z.enum(obligationStatusNames as readonly [string, ...string[]]),
      reports: z.array(storedReportSchema),
    }),
  ),
  figures: figureHistoryResponseSchema.shape.history,
});

/** `GET /obligations/{id}/history`: day by day, how many states had reported and how many were overdue. */
export const reportingHistoryResponseSchema = z.strictObject({
  obligationId: z.string(),
  dueDate: z.optional(isoDateString),
  group: z.optional(z.string()),
  states: z.int(),
  days: z.array(
    z.strictObject({
      date: isoDateString,
      reported: z.int(),
      submitted: z.int(),
      late: z.int(),
      notPublic: z.int(),
      overdue: z.int(),
    }),
  ),
});
