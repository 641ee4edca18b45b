import { ACCOUNT_TEXT, drawBudgets } from '../budgets/send-budgets.ts';
import { conflict } from '../errors.ts';
import type { Caller } from '../identity/caller.ts';
import { testMessage } from '../messages/test-message.ts';
import { findWatch } from '../watches/find-watch.ts';
import { contactOf } from '../watches/watch.ts';
import { type DeliveryDependencies, type DeliveryOutcome, deliverMessage } from './deliver.ts';

/**
 * `POST /watches/{id}/test`: one test message to the watch's address, through the same path as
 * alerts (so it shows in the delivery log). It draws on the address's test budget (and, for SMS,
 * the owner's texts), never on the alerts' daily cap. Only a confirmed address is sent anything.
 */
export const sendTestMessage = async (
  caller: Caller,
  id: string,
  deps: DeliveryDependencies,
): Promise<DeliveryOutcome> => {
  const watch = await findWatch(caller, id, deps.watches);
  if (watch.status !== 'active' && watch.status !== 'paused') {
    throw conflict(
      'watch-not-confirmed',
      `The watch is ${watch.status}; a test can be sent once its address is confirmed`,
      'id',
    );
  }
  const contact = contactOf(watch);
  const sms = 'sms' in watch.channel;
  const refund = await drawBudgets(
    [
      { budget: 'testsPerAddress', holder: { contact } },
      ...(sms ? [{ budget: 'textsPerOwner' as const, holder: { owner: watch.owner } }, ACCOUNT_TEXT] : []),
    ],
    deps.clock.now(),
    deps,
  );
  const unsubscribeUrl = sms ? undefined : await deps.unsubscribeUrl(contact);
  const outcome = await deliverMessage(
    testMessage(watch, deps.manageUrl, deps.clock.now().toISOString(), unsubscribeUrl),
    { kind: 'test', watchIds: [watch.id] },
    deps,
  );
  if (outcome.status !== 'sent') await refund();
  return outcome;
};
