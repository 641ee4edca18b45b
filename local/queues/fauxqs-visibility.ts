import type { MessageVisibility } from '../../lambdas/core/ports/delivery-pipeline.ts';

/**
 * The shortest visibility timeout asked of the local SQS. fauxqs 2.4.1, with its SQLite
 * persistence (as `npm start` runs it), answers a ChangeMessageVisibility to 0 with an error
 * after taking the message off its in-flight list and before putting it back on the queue: the
 * message is lost until a restart. One second behaves as AWS's 0 does for every purpose here.
 */
export const FAUXQS_SHORTEST_VISIBILITY_SECONDS = 1;

/** A message visibility that never asks fauxqs for 0 seconds (see above). */
export const fauxqsSafeVisibility = (inner: MessageVisibility): MessageVisibility => ({
  returnAfter: (receiptHandle, seconds) =>
    inner.returnAfter(receiptHandle, Math.max(FAUXQS_SHORTEST_VISIBILITY_SECONDS, seconds)),
});
