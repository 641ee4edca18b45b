import * as z from 'zod/mini';

/** A watch as the API returns it, with only what the tables print. */
export const watchSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  status: z.string(),
  target: z.object({
    states: z.optional(z.array(z.string())),
    groups: z.optional(z.array(z.string())),
    all: z.optional(z.boolean()),
  }),
  events: z.array(z.string()),
  obligations: z.optional(z.array(z.string())),
  metrics: z.optional(z.array(z.string())),
  minChangePct: z.optional(z.number()),
  channel: z.object({ email: z.optional(z.string()), sms: z.optional(z.string()) }),
  delivery: z.object({
    mode: z.string(),
    digestHourUtc: z.optional(z.number()),
    repeatEveryDays: z.optional(z.number()),
    resolved: z.optional(z.boolean()),
  }),
  mutedUntil: z.optional(z.string()),
  confirmation: z.optional(z.object({ state: z.string(), next: z.string(), confirmBy: z.optional(z.string()) })),
});
export type WatchView = z.infer<typeof watchSchema>;

export const targetText = ({ target }: WatchView): string =>
  target.all === true
    ? 'all states'
    : [target.states && `states ${target.states.join(',')}`, target.groups && `groups ${target.groups.join(',')}`]
        .filter((part) => part !== undefined)
        .join('; ');

export const channelText = ({ channel }: WatchView): string =>
  channel.email === undefined ? `sms ${channel.sms ?? '?'}` : `email ${channel.email}`;

/** The API leaves digestHourUtc out when a digest takes the default hour, 08:00 UTC. */
export const deliveryText = ({ delivery }: WatchView): string =>
  [
    delivery.mode === 'digest'
      ? `digest at ${String(delivery.digestHourUtc ?? 8).padStart(2, '0')}:00 UTC`
      : delivery.mode,
    delivery.repeatEveryDays === undefined ? undefined : `repeat every ${delivery.repeatEveryDays} days`,
    delivery.resolved === true ? 'tells when resolved' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
