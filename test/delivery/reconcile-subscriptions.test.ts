import { beforeEach, describe, expect, it } from 'vitest';
import { reconcileSubscriptions } from '../../lambdas/core/contacts/reconcile-subscriptions.ts';
import type { SubscriptionState } from '../../lambdas/core/ports/notifier.ts';
import { watchView } from '../../lambdas/core/watches/watch-view.ts';
import { startDeliveryHarness } from '../support/delivery-harness.ts';
import { watch } from '../support/watch-fixtures.ts';

let harness: Awaited<ReturnType<typeof startDeliveryHarness>>;
beforeEach(async () => {
  harness = await startDeliveryHarness();
});

const snsSays = (state: SubscriptionState) => ({
  ...harness.deps,
  notifier: { ...harness.outbox, subscriptionState: async () => state },
});

const pendingWatch = async (id: string, email: string) => {
  await harness.addWatch(watch({ id, status: 'pending-confirmation', channel: { email } }), 'pending');
  const contact = await harness.deps.contacts.get(`email:${email}`);
  if (!contact) throw new Error('no contact');
  // As requestConfirmation leaves it: confirmable for three days.
  await harness.deps.contacts.put(
    { ...contact, confirmBy: '2019-03-26T06:00:00.000Z', updatedAt: '2019-03-23T06:00:01.000Z' },
    contact,
  );
};

describe('reconciling email subscriptions with SNS', () => {
  it('activates the watches of an address that confirmed', async () => {
    await pendingWatch('w-1', 'ana@example.org');
    const outcome = await reconcileSubscriptions(snsSays('confirmed'));
    expect(outcome).toEqual({ checked: 1, confirmed: 1, gone: 0 });
    expect((await harness.deps.watches.get('w-1'))?.status).toBe('active');
  });

  it('stops the watches of a confirmed address that unsubscribed, and keeps a paused one from resuming', async () => {
    await harness.addWatch(watch({ id: 'w-active' }));
    await harness.addWatch(watch({ id: 'w-paused', status: 'paused' }));
    expect(await reconcileSubscriptions(snsSays('gone'))).toEqual({ checked: 1, confirmed: 0, gone: 1 });
    expect((await harness.deps.watches.get('w-active'))?.status).toBe('unsubscribed');
    expect((await harness.deps.watches.get('w-paused'))?.status).toBe('unsubscribed');
    expect(await reconcileSubscriptions(snsSays('confirmed'))).toMatchObject({ checked: 0 });
  });

  it('leaves a lapsed confirmation pending, shown as expired with the way to ask again', async () => {
    await pendingWatch('w-late', 'late@example.org');
    harness.setNow('2019-03-27T06:00:00Z');
    expect(await reconcileSubscriptions(snsSays('gone'))).toEqual({ checked: 1, confirmed: 0, gone: 0 });
    const stored = await harness.deps.watches.get('w-late');
    const contact = await harness.deps.contacts.get('email:late@example.org');
    expect(stored?.status).toBe('pending-confirmation');
    expect(stored && watchView(stored, contact, new Date('2019-03-27T06:00:00Z')).confirmation).toEqual({
      state: 'expired',
      next: 'The confirmation link has expired; POST /watches/w-late/confirmation sends a new one',
    });
  });

  it('changes nothing while SNS still waits for the owner', async () => {
    await pendingWatch('w-wait', 'wait@example.org');
    expect(await reconcileSubscriptions(snsSays('pending'))).toEqual({ checked: 1, confirmed: 0, gone: 0 });
    expect((await harness.deps.watches.get('w-wait'))?.status).toBe('pending-confirmation');
  });
});
