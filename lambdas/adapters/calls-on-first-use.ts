import { lazy } from '../core/lazy.ts';
import type { SqsCalls } from './sqs/sqs-calls.ts';

/**
 * SDK clients a function needs only off its usual path, loaded by the first call that needs them,
 * once per process, and shared by the adapters that make them. Deployed, each is a side module: a
 * file of its own beside the bundle, which a cold start does not read (lib/side-modules.ts).
 */
const loadedOnce = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
};

/** SQS for the senders, which use it only to back a throttled job off and to park a failed one, and for the migrations' hand-on of a long run. */
export const sqsOnFirstCall = /* @__PURE__ */ lazy((): SqsCalls => {
  const sqs = loadedOnce(async () => (await import('./sqs/sqs-calls.ts')).sqsCalls());
  return {
    sendMessage: async (input) => (await sqs()).sendMessage(input),
    changeMessageVisibility: async (input) => (await sqs()).changeMessageVisibility(input),
  };
});
