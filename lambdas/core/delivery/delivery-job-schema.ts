import * as z from 'zod/mini';
import type { DeliveryJob, ShardJob, WaveAnnouncement } from './delivery-job.ts';

/** Queue bodies are parsed once at the edge; a body that fails is poison, never half-read. */
const nonEmpty = () => z.string().check(z.minLength(1));
const partNumber = () => z.int().check(z.gte(0));

export const waveAnnouncementSchema: z.ZodMiniType<WaveAnnouncement> = z.lazy(() => z.object({ waveId: nonEmpty() }));

export const shardJobSchema: z.ZodMiniType<ShardJob> = z.lazy(() =>
  z.object({
    waveId: nonEmpty(),
    part: partNumber(),
    shard: partNumber(),
    eventIds: z.array(nonEmpty()).check(z.minLength(1)),
  }),
);

export const deliveryJobSchema: z.ZodMiniType<DeliveryJob> = z.lazy(() =>
  z.object({
    waveId: nonEmpty(),
    part: partNumber(),
    contact: nonEmpty(),
    channel: z.enum(['email', 'sms']),
    watchIds: z.array(nonEmpty()).check(z.minLength(1)),
    events: z.array(z.object({ id: nonEmpty(), states: z.array(z.string()) })).check(z.minLength(1)),
    dedupKey: nonEmpty(),
  }),
);
