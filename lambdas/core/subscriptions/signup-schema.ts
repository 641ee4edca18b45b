import * as z from 'zod/mini';
import { watchInputFields } from '../watches/watch-schema.ts';

/** What the public form asks for, in a watch's terms: its address, its states or groups, its events. */
export const signupSchema = z.lazy(() => {
  const { channel, target, events } = watchInputFields();
  return z.strictObject({ channel, target, events });
});

export type SignupInput = z.infer<typeof signupSchema>;

/** What the manage page may change: states or groups, and events. */
export const subscriptionChangeSchema = z.lazy(() => {
  const { target, events } = watchInputFields();
  return z.strictObject({ target, events });
});

export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;
