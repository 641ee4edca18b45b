import * as z from 'zod/mini';
import { CONTACT_KEY, contactKeyOf } from '../contacts/contact-key.ts';
import type { DeliveryJob, ShardJob, WaveAnnouncement } from './delivery-job.ts';

/** Queue bodies are parsed once at the edge; a body that fails is poison, never half-read. */
const nonEmpty = () => z.string().check(z.minLength(1));
const partNumber = () => z.int().check(z.gte(0));

export const waveAnnouncementSchema: z.ZodMiniType<WaveAnnouncement> = /* @__PURE__ */ z.lazy(() =>
  z.object({ waveId: nonEmpty() }),
);

export const shardJobSchema: z.ZodMiniType<ShardJob> = /* @__PURE__ */ z.lazy(() =>
  z.object({
    waveId: nonEmpty(),
    part: partNumber(),
    shard: partNumber(),
    eventIds: z.array(nonEmpty()).check(z.minLength(1)),
  }),
);

const jobFields = () => ({
  waveId: nonEmpty(),
  part: partNumber(),
  channel: z.enum(['email', 'sms']),
  watchIds: z.array(nonEmpty()).check(z.minLength(1)),
  events: z
    .array(z.object({ id: nonEmpty(), states: z.array(z.string()), round: z.optional(z.int().check(z.gte(1))) }))
    .check(z.minLength(1)),
  dedupKey: nonEmpty(),
  kind: z.optional(z.enum(['digest', 'repeat'])),
});

/**
 * A job names its contact by key; one queued before 2026-12-05 named it by id (with the
 * address), and is read as the same job by that id's key, so nothing in flight on a deploy is lost.
 */
export const deliveryJobSchema: z.ZodMiniType<DeliveryJob> = /* @__PURE__ */ z.lazy(() =>
  z.union([
    z.object({ ...jobFields(), contactKey: z.string().check(z.regex(CONTACT_KEY, 'must be a contact key')) }),
    z.pipe(
      z.object({ ...jobFields(), contact: nonEmpty() }),
      z.transform(({ contact, ...job }): DeliveryJob => ({ ...job, contactKey: contactKeyOf(contact) })),
    ),
  ]),
);
