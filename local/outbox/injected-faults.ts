import type { MessageSender } from '../../lambdas/core/ports/message-sender.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';

/**
 * Local runs only, for the fault tests: `NOTIFIER_OUTBOX_FAULTS`, which `npm start` hands to the
 * local composition root, makes the alert senders' outbox misbehave as a real deployment can.
 * Counted over the pipeline's alert messages only (confirmations, codes, tests, digests and
 * repeats go through the outbox without faults):
 * - `crash-before:N`: the process dies (SIGKILL) as it is about to send the N-th message;
 * - `crash-after:N`: it dies right after the N-th message is sent, before it is recorded;
 * - `throttle:N`: the first N sends fail as SES or SNS throttling does;
 * - `refuse:N`: the first N sends are refused for good, as a missing permission is, so they are
 *   parked; the cause is then "fixed" for `sanctions-watch redrive` to replay them.
 */
export const INJECTED_FAULTS_ENV = 'NOTIFIER_OUTBOX_FAULTS';

type FaultPlan = {
  readonly kind: 'crash-before' | 'crash-after' | 'throttle' | 'refuse';
  readonly count: number;
};

const parsePlan = (raw: string): FaultPlan => {
  const match = /^(crash-before|crash-after|throttle|refuse):([1-9]\d{0,5})$/.exec(raw.trim());
  if (!match?.[1] || !match[2])
    throw new Error(
      `Configuration error: ${INJECTED_FAULTS_ENV} must be crash-before:N, crash-after:N, throttle:N or refuse:N, got ${JSON.stringify(raw)}`,
    );
  return { kind: match[1] as FaultPlan['kind'], count: Number(match[2]) };
};

/** The alert senders' outbox with the faults the environment asks for, or as it is when it asks for none. */
export const withInjectedFaults = (sender: MessageSender, raw: string | undefined): MessageSender => {
  if (raw === undefined || raw.trim() === '') return sender;
  const plan = parsePlan(raw);
  let alerts = 0;
  return {
    send: async (message) => {
      // This send's own number: a sender sends a batch's messages at once, so by the time this
      // one returns, the shared count may have moved on.
      alerts += 1;
      const nth = alerts;
      if (plan.kind === 'throttle' && nth <= plan.count)
        throw new NotifierError('throttled', `injected throttling (${nth} of ${plan.count})`);
      if (plan.kind === 'refuse' && nth <= plan.count)
        throw new NotifierError('misconfigured', `injected refusal (${nth} of ${plan.count})`);
      if (plan.kind === 'crash-before' && nth === plan.count) process.kill(process.pid, 'SIGKILL');
      const sent = await sender.send(message);
      if (plan.kind === 'crash-after' && nth === plan.count) process.kill(process.pid, 'SIGKILL');
      return sent;
    },
  };
};
