import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ConfirmationDependencies,
  requestConfirmation,
} from '../../lambdas/core/contacts/request-confirmation.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import { startDeliveryHarness } from '../support/delivery-harness.ts';

let harness: Awaited<ReturnType<typeof startDeliveryHarness>>;
let deps: ConfirmationDependencies;
beforeEach(async () => {
  harness = await startDeliveryHarness();
  deps = { ...harness.deps, dailyCaps: { email: 2, sms: 2 }, newCode: () => '123456' };
});

const channel = { email: 'ana@example.org' };

describe('asking an address to confirm', () => {
  it("counts confirmation mails against the address's daily cap", async () => {
    await requestConfirmation(channel, deps);
    await requestConfirmation(channel, deps, { again: true });
    await expect(requestConfirmation(channel, deps, { again: true })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'daily-cap-reached',
      field: 'channel.email',
    });
    expect(harness.sent()).toEqual([]);
  });

  it('does not ask again while a link still works, unless told to', async () => {
    const first = await requestConfirmation(channel, deps);
    const second = await requestConfirmation(channel, deps);
    expect(second).toEqual(first);
    expect(await harness.deps.sendCounter.take('email:ana@example.org', isoDate('2019-03-23'), 2)).toBe(true);
  });

  it('lets concurrent requests for one new address agree on one contact', async () => {
    const contacts = await Promise.all(
      Array.from({ length: 5 }, () => requestConfirmation(channel, { ...deps, dailyCaps: { email: 50, sms: 10 } })),
    );
    expect(new Set(contacts.map(({ state }) => state))).toEqual(new Set(['pending']));
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it('answers SNS throttling with a retryable 503 and gives the cap back', async () => {
    const busy = {
      ...deps,
      notifier: {
        ...harness.outbox,
        subscribeEmail: async () => Promise.reject(new NotifierError('throttled', 'Rate exceeded')),
      },
    };
    await expect(requestConfirmation(channel, busy)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'notifier-unavailable',
    });
    await expect(requestConfirmation(channel, busy)).rejects.toMatchObject({ kind: 'unavailable' });
    await requestConfirmation(channel, deps);
    await requestConfirmation(channel, deps, { again: true });
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it('turns a number that opted out into an opted-out contact without texting it', async () => {
    const contact = await requestConfirmation({ sms: '+15550100999' }, deps);
    expect(contact.state).toBe('opted-out');
    expect(harness.sent()).toEqual([]);
  });
});
