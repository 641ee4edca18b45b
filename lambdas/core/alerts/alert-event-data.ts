import * as z from 'zod/mini';
import { lazy } from '../lazy.ts';
import { isoDateSchema } from '../validation/common-schemas.ts';
import type { AlertEvent, AlertEventType } from './alert-event.ts';

/**
 * What `data` holds for each event type, as deadline-events.ts, figure-change.ts and
 * report-received.ts write it. Events come back from the store and the stream as plain records,
 * so matching and messages read them through these schemas instead of casting.
 */
const stateRefFields = () => ({ code: z.string(), name: z.string() });
const range = /* @__PURE__ */ z.lazy(() => z.object({ low: z.number(), high: z.number() }));
const amount = /* @__PURE__ */ z.lazy(() => z.union([z.object({ value: z.number() }), range]));

/** Built on the first event read, not at every cold start. */
const dataSchemas = /* @__PURE__ */ lazy(() => ({
  'deadline.approaching': z.looseObject({
    title: z.string(),
    kind: z.enum(['report', 'action']),
    dueDate: isoDateSchema,
    daysLeft: z.number(),
    threshold: z.number(),
    pendingCount: z.number(),
    pendingStates: z.array(z.object(stateRefFields())),
  }),
  'report.overdue': z.looseObject({
    title: z.string(),
    dueDate: isoDateSchema,
    daysOverdue: z.number(),
    stateName: z.string(),
  }),
  'deadline.passed': z.looseObject({
    title: z.string(),
    dueDate: isoDateSchema,
    daysPassed: z.number(),
    metCount: z.number(),
    met: z.array(z.object(stateRefFields())),
    notMetCount: z.number(),
    notMet: z.array(
      z.object({
        ...stateRefFields(),
        remaining: z.optional(z.union([z.number(), range])),
        asOf: z.optional(isoDateSchema),
      }),
    ),
  }),
  'report.received': z.looseObject({
    title: z.string(),
    /** Absent for a duty without a deadline (open-ended): such a report is never late. */
    dueDate: z.optional(isoDateSchema),
    reportDate: isoDateSchema,
    submittedOn: isoDateSchema,
    public: z.boolean(),
    late: z.boolean(),
    daysLate: z.number(),
    resolvesOverdue: z.boolean(),
    symbol: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
  'figure.changed': z.looseObject({
    metric: z.string(),
    unit: z.string(),
    first: z.boolean(),
    previous: z.nullable(amount),
    current: amount,
    delta: z.nullable(z.union([z.number(), range])),
    /** null from zero, for a first figure, or when a value became a range or back. */
    deltaPct: z.nullable(
      z.union([z.number(), z.object({ low: z.nullable(z.number()), high: z.nullable(z.number()) })]),
    ),
    movement: z.string(),
    asOfPrevious: z.nullable(isoDateSchema),
    asOfCurrent: isoDateSchema,
    source: z.object({ kind: z.string(), ref: z.optional(z.string()), url: z.optional(z.string()) }),
  }),
  'source.proposal': z.looseObject({
    proposalId: z.string(),
    symbol: z.string(),
    title: z.string(),
    /** The sender's name, where the title names a member state the service knows. */
    stateName: z.optional(z.string()),
    datedOn: z.optional(isoDateSchema),
    url: z.optional(z.string()),
  }),
}));

export type AlertEventData<Type extends AlertEventType> = z.infer<ReturnType<typeof dataSchemas>[Type]>;

/** An alert event whose `data` is known to have its type's shape; `switch (event.type)` narrows it. */
export type TypedAlertEvent = {
  readonly [Type in AlertEventType]: Omit<AlertEvent, 'type' | 'data'> & {
    readonly type: Type;
    readonly data: AlertEventData<Type>;
  };
}[AlertEventType];

/** Reads an event's data by its type; an event of another shape is a fault of ours and throws. */
export const typedAlertEvent = (event: AlertEvent): TypedAlertEvent => {
  const parsed = dataSchemas()[event.type].safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `alert event ${event.id} (${event.type}): data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  // The schema picked by `event.type` produced `data`, which is what the union pairs; TypeScript cannot correlate the two.
  return { ...event, data: parsed.data } as TypedAlertEvent;
};
