import { lazy } from '../core/lazy.ts';
import type { SesCalls } from './ses/ses-calls.ts';
import type { SqsCalls } from './sqs/sqs-calls.ts';

/**
 * SDK clients a function needs only off its usual path, loaded by the first call that needs them,
 * once per process, and shared by the adapters that make them. Deployed, each is a side module: a file of its own beside the bundle, so a
 * cold start does not read it (lib/side-modules.ts, docs/cold-start.md decision 16).
 */
const loadedOnce = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
};

/** SES v2 for the routes, which send a confirmation or a test now and then and answer without mail otherwise. */
export const sesOnFirstEmail = /* @__PURE__ */ lazy((): SesCalls => {
  const ses = loadedOnce(async () => (await import('./ses/ses-calls.ts')).sesCalls());
  return { sendEmail: async (input) => (await ses()).sendEmail(input) };
});

/** SQS for the senders, which use it only to back a throttled job off and to park a failed one. */
export const sqsOnFirstCall = /* @__PURE__ */ lazy((): SqsCalls => {
  const sqs = loadedOnce(async () => (await import('./sqs/sqs-calls.ts')).sqsCalls());
  return {
    sendMessage: async (input) => (await sqs()).sendMessage(input),
    changeMessageVisibility: async (input) => (await sqs()).changeMessageVisibility(input),
  };
});
