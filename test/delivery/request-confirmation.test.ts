import { beforeEach, describe, expect, it } from 'vitest';
import { giveConsent } from '../../lambdas/core/contacts/confirm-consent.ts';
import { type ConfirmationDependencies, requestConsent } from '../../lambdas/core/contacts/request-confirmation.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import type { WatchChannel } from '../../lambdas/core/watches/watch.ts';
import { startDeliveryHarness } from '../support/delivery-harness.ts';

let harness: Awaited<ReturnType<typeof startDeliveryHarness>>;
let deps: ConfirmationDependencies;
beforeEach(async () => {
  harness = await startDeliveryHarness();
  deps = {
    ...harness.deps,
    dailyCaps: { email: 2, sms: 2 },
    newCode: () => '123456',
    confirmationUrl: async (link) =>
      `https://api.example.org/confirm?c=${link.contact}&o=${link.owner}&x=${link.confirmBy}`,
  };
});

/** Asks as owner Uma unless told otherwise. */
const requestConfirmation = (
  channel: WatchChannel,
  dependencies: ConfirmationDependencies,
  options: { readonly again?: boolean } = {},
  owner = 'uma',
) => requestConsent(owner, channel, dependencies, options);

const channel = { email: 'ana@example.org' };

describe('asking an address to confirm', () => {
  it("counts confirmation mails against the address's daily cap, whichever owner asks", async () => {
    await requestConfirmation(channel, deps);
    await requestConfirmation(channel, deps, {}, 'otto');
    await expect(requestConfirmation(channel, deps, { again: true })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'daily-cap-reached',
      field: 'channel.email',
    });
    expect(harness.sent()).toEqual([]);
  });

  it("asks once per owner: one owner's yes does not stand for another's", async () => {
    const uma = await requestConfirmation(channel, deps);
    if (!uma.consent) throw new Error('no consent asked for');
    await giveConsent(uma.consent, harness.deps);

    expect(await requestConfirmation(channel, deps)).toMatchObject({ access: 'confirmed' });
    expect(await requestConfirmation(channel, deps, {}, 'otto')).toMatchObject({
      access: 'pending',
      consent: { owner: 'otto', state: 'pending' },
    });
  });

  it('does not ask again while a link still works, unless told to', async () => {
    const first = await requestConfirmation(channel, deps);
    const second = await requestConfirmation(channel, deps);
    expect(second).toEqual(first);
    expect(await harness.deps.sendCounter.take('email:ana@example.org', isoDate('2019-03-23'), 2)).toBe(true);
  });

  it('lets concurrent requests for one new address agree on one consent, asked for in one mail', async () => {
    const mails: string[] = [];
    const counting = {
      ...deps,
      dailyCaps: { email: 50, sms: 10 },
      senders: { ...deps.senders, email: { send: async () => ({ messageId: `m-${mails.push('sent')}` }) } },
    };
    const requests = await Promise.all(Array.from({ length: 5 }, () => requestConfirmation(channel, counting)));
    expect(new Set(requests.map(({ consent }) => consent?.confirmBy)).size).toBe(1);
    expect(mails).toHaveLength(1);
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it('answers SES throttling with a retryable 503, gives the cap back and keeps no pending request', async () => {
    const busy = {
      ...deps,
      senders: {
        ...deps.senders,
        email: { send: async () => Promise.reject(new NotifierError('throttled', 'Rate exceeded')) },
      },
    };
    await expect(requestConfirmation(channel, busy)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'notifier-unavailable',
    });
    await expect(requestConfirmation(channel, busy)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(await harness.deps.consents.get({ contact: 'email:ana@example.org', owner: 'uma' })).toBeUndefined();
    await requestConfirmation(channel, deps);
    await requestConfirmation(channel, deps, { again: true });
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it('turns a number that opted out into an opted-out contact without texting it', async () => {
    const request = await requestConfirmation({ sms: '+15550100999' }, deps);
    expect(request).toEqual({ access: 'opted-out' });
    expect((await harness.deps.contacts.get('sms:+15550100999'))?.state).toBe('opted-out');
    expect(harness.sent()).toEqual([]);
  });
});
