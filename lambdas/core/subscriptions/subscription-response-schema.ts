import * as z from 'zod/mini';

/** `POST /subscriptions` from JSON: the same answer whatever became of the sign-up (202). */
export const signupAcceptedResponseSchema = z.strictObject({
  status: z.literal('accepted'),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
});

/** `POST /subscriptions/verify` from JSON: subscribed, and the manage link's path. */
export const signupVerifiedResponseSchema = z.strictObject({ status: z.literal('subscribed'), manage: z.string() });
