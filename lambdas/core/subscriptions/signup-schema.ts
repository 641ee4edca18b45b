import * as z from 'zod/mini';
import { adminOnlyAlertEventTypes } from '../alerts/alert-event.ts';
import { watchInputFields } from '../watches/watch-schema.ts';

/** A subscriber without an account is never an admin: the events only admins may watch are refused. */
const publicEvents = () =>
  watchInputFields().events.check(
    z.refine(
      (events) => !events.some((type) => adminOnlyAlertEventTypes.includes(type)),
      `must not include ${adminOnlyAlertEventTypes.join(', ')}, which only admins may watch`,
    ),
  );

/** What the public form asks for, in a watch's terms: its address, its states or groups, its events. */
export const signupSchema = /* @__PURE__ */ z.lazy(() => {
  const { channel, target } = watchInputFields();
  return z.strictObject({ channel, target, events: publicEvents() });
});

export type SignupInput = z.infer<typeof signupSchema>;

/** What the manage page may change: states or groups, and events. */
export const subscriptionChangeSchema = /* @__PURE__ */ z.lazy(() => {
  const { target } = watchInputFields();
  return z.strictObject({ target, events: publicEvents() });
});

export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;
