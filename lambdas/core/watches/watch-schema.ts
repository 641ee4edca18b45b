import * as z from 'zod/mini';
import { alertEventTypes } from '../alerts/alert-event.ts';
import { metricIdSchema } from '../figures/figure-schema.ts';
import { parseStateCode } from '../reference/member-states.ts';
import {
  committeeSchema,
  isoInstantSchema,
  slugSchema,
  storableNumberSchema,
  text,
} from '../validation/common-schemas.ts';

/**
 * A non-empty list used as a set. A repeat is reported at the repeating entry (`events.2`)
 * rather than dropped, since it usually means the caller meant a different value there.
 */
const setOf = <Item extends z.ZodMiniType>(item: Item, max: number) =>
  z.array(item).check(
    z.minLength(1, 'must list at least one entry'),
    z.maxLength(max, `must not list more than ${max} entries`),
    z.superRefine((list: z.output<Item>[], context) => {
      const firstIndex = new Map<unknown, number>();
      list.forEach((entry, index) => {
        const first = firstIndex.get(entry);
        if (first === undefined) firstIndex.set(entry, index);
        else context.issues.push({ code: 'custom', input: entry, path: [index], message: `repeats entry ${first}` });
      });
    }),
  );

/** Alpha-2 or alpha-3, any case, normalised to alpha-2; observers and unknown codes are refused by name. */
const stateCodeSchema = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z.string(),
    z.transform((raw: string, context) => {
      const parsed = parseStateCode(raw);
      if (parsed.ok) return parsed.state.alpha2;
      context.issues.push({
        code: 'custom',
        input: raw,
        message: `must be a UN member state's code: ${parsed.message}`,
      });
      return z.NEVER;
    }),
  ),
);

/**
 * States and groups a watch may name together: each is an index item written with the watch in
 * one DynamoDB transaction (at most 100 items). More states are better named by a group, or all.
 */
export const MAX_TARGETS = 95;

/** Group ids are checked for shape only; whether the group exists is the caller's question to the store. */
const targetSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      states: z.optional(setOf(stateCodeSchema, MAX_TARGETS)),
      groups: z.optional(setOf(slugSchema, 50)),
      all: z.optional(z.literal(true, 'must be true, or left out')),
    })
    .check(
      z.refine(
        (target) => target.states !== undefined || target.groups !== undefined || target.all === true,
        'must name states, groups or all: true',
      ),
      z.refine(
        (target) => (target.states?.length ?? 0) + (target.groups?.length ?? 0) <= MAX_TARGETS,
        `must name at most ${MAX_TARGETS} states and groups together; name a group, or all: true, for more`,
      ),
    ),
);

const eventsSchema = /* @__PURE__ */ z.lazy(() =>
  setOf(z.enum(alertEventTypes, `must be one of ${alertEventTypes.join(', ')}`), alertEventTypes.length),
);

const nameSchema = /* @__PURE__ */ z.lazy(() => text(100));
const obligationsSchema = /* @__PURE__ */ z.lazy(() => setOf(slugSchema, 100));
const committeesSchema = /* @__PURE__ */ z.lazy(() => setOf(committeeSchema, 50));
const metricsSchema = /* @__PURE__ */ z.lazy(() => setOf(metricIdSchema, 50));
const minChangePctSchema = /* @__PURE__ */ z.lazy(() =>
  storableNumberSchema.check(z.minimum(0, 'must be a percentage of 0 or more')),
);

const emailSchema = /* @__PURE__ */ z.lazy(() =>
  z.email('must be an email address such as ana@example.org').check(z.maxLength(254)),
);
const e164Schema = /* @__PURE__ */ z.lazy(() =>
  z.string().check(z.regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number in E.164 form such as +447700900123')),
);

/** Exactly one channel. A union keeps the parsed type exact; a bad address is still reported at `channel.email`. */
const channelSchema = /* @__PURE__ */ z.lazy(() =>
  z.union(
    [z.strictObject({ email: emailSchema }), z.strictObject({ sms: e164Schema })],
    'must be either { "email": ... } or { "sms": ... }',
  ),
);

const deliverySchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      // Left out, immediate: as every other optional field, it takes its default.
      mode: z._default(z.enum(['immediate', 'digest']), 'immediate'),
      digestHourUtc: z.optional(z.int().check(z.minimum(0), z.maximum(23))),
      repeatEveryDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
      resolved: z._default(z.boolean(), false),
    })
    .check(
      z.superRefine((delivery: { mode: string; digestHourUtc?: number }, context) => {
        if (delivery.digestHourUtc !== undefined && delivery.mode !== 'digest') {
          context.issues.push({
            code: 'custom',
            input: delivery,
            path: ['digestHourUtc'],
            message: 'is only allowed with mode "digest"',
          });
        }
      }),
    ),
);

/** `POST /watches`. Existence of groups, obligations and metrics is checked by the caller against the stores. */
export const watchInputFields = () => ({
  name: z.optional(nameSchema),
  target: targetSchema,
  events: eventsSchema,
  obligations: z.optional(obligationsSchema),
  committees: z.optional(committeesSchema),
  metrics: z.optional(metricsSchema),
  minChangePct: z.optional(minChangePctSchema),
  channel: channelSchema,
  delivery: z._default(deliverySchema, { mode: 'immediate', resolved: false }),
});

export const watchInputSchema = /* @__PURE__ */ z.lazy(() => z.strictObject(watchInputFields()));

export type WatchInput = z.infer<typeof watchInputSchema>;

/**
 * `PATCH /watches/{id}`. Objects (target, channel, delivery) replace the stored ones whole, so
 * each is checked as complete here; `null` clears an optional field. A new channel needs
 * confirming again, which is the caller's business.
 */
export const watchPatchSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      name: z.optional(z.nullable(nameSchema)),
      target: z.optional(targetSchema),
      events: z.optional(eventsSchema),
      obligations: z.optional(z.nullable(obligationsSchema)),
      committees: z.optional(z.nullable(committeesSchema)),
      metrics: z.optional(z.nullable(metricsSchema)),
      minChangePct: z.optional(z.nullable(minChangePctSchema)),
      channel: z.optional(channelSchema),
      delivery: z.optional(deliverySchema),
      status: z.optional(z.enum(['active', 'paused'])),
      mutedUntil: z.optional(z.nullable(isoInstantSchema)),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')),
);

export type WatchPatchInput = z.infer<typeof watchPatchSchema>;
