import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEND_BUDGETS } from '../../lambdas/core/budgets/send-budgets.ts';
import { giveConsent } from '../../lambdas/core/contacts/confirm-consent.ts';
import { type ConfirmationDependencies, requestConsent } from '../../lambdas/core/contacts/request-confirmation.ts';
import { smsCodeHash } from '../../lambdas/core/contacts/sms-code-hash.ts';
import { NotifierError } from '../../lambdas/core/ports/notifier.ts';
import { isoDate } from '../../lambdas/core/time/calendar-date.ts';
import type { WatchChannel } from '../../lambdas/core/watches/watch.ts';
import { readOutbox } from '../../local/outbox/outbox-sender.ts';
import { startDeliveryHarness } from '../support/delivery-harness.ts';

let harness: Awaited<ReturnType<typeof startDeliveryHarness>>;
let deps: ConfirmationDependencies;
beforeEach(async () => {
  harness = await startDeliveryHarness();
  deps = {
    ...harness.deps,
    sendBudgets: {
      ...DEFAULT_SEND_BUDGETS,
      confirmationsPerAddress: 2,
      codesPerNumber: 2,
      textsPerOwner: 3,
      testsPerAddress: 1,
      accountTextsPerDay: 100,
    },
    newCode: () => '123456',
    linkSecret: async () => 'a test secret of at least thirty-two characters',
    confirmationUrl: async (link) =>
      `https://api.example.org/confirm?c=${link.contact}&o=${link.owner}&x=${link.confirmBy}`,
  };
});

/** Every message the outbox holds, confirmation requests included. */
const readOutboxCount = (): number => readOutbox(harness.outboxFile).length;

/** Asks as owner Uma unless told otherwise. */
const requestConfirmation = (
  channel: WatchChannel,
  dependencies: ConfirmationDependencies,
  options: { readonly again?: boolean } = {},
  owner = 'uma',
) => requestConsent(owner, channel, dependencies, options);

const channel = { email: 'ana@example.org' };

describe('asking an address to confirm', () => {
  it("counts confirmation mails against the address's own budget, whichever owner asks, and not its alert cap", async () => {
    await requestConfirmation(channel, deps);
    await requestConfirmation(channel, deps, {}, 'otto');
    harness.setNow('2019-03-23T06:05:00Z');
    await expect(requestConfirmation(channel, deps, { again: true })).rejects.toMatchObject({
      kind: 'over-budget',
      refusal: { budget: 'confirmationsPerAddress', retryAfterSeconds: 18 * 3600 - 300 },
    });
    expect(readOutboxCount()).toBe(2);
    expect(await harness.deps.sendCounter.take('email:ana@example.org', isoDate('2019-03-23'), 1)).toBe(true);
    harness.setNow('2019-03-24T00:00:00Z');
    await expect(requestConfirmation(channel, deps, { again: true })).resolves.toMatchObject({ access: 'pending' });
  });

  it('counts the links and codes sent by channel, and not the requests refused, with no address in the metric', async () => {
    await requestConfirmation(channel, deps);
    await requestConfirmation({ sms: '+447700900123' }, deps);
    await expect(requestConfirmation(channel, deps, { again: true })).rejects.toMatchObject({ kind: 'over-budget' });

    const sent = harness.metrics.filter((document) => 'ConfirmationsSent' in document);
    expect(sent.map((document) => [document['channel'], document['ConfirmationsSent']])).toEqual([
      ['email', 1],
      ['sms', 1],
    ]);
    expect(JSON.stringify(harness.metrics)).not.toMatch(/ana@example\.org|7700900123/);
  });

  it("refuses a new link or code sooner than a minute after the owner's last, saying when to ask", async () => {
    await requestConfirmation({ sms: '+447700900123' }, deps);
    harness.setNow('2019-03-23T06:00:40Z');
    await expect(requestConfirmation({ sms: '+447700900123' }, deps, { again: true })).rejects.toMatchObject({
      kind: 'over-budget',
      refusal: { budget: 'requestBackoff', retryAfterSeconds: 20 },
    });
    harness.setNow('2019-03-23T06:01:00Z');
    await expect(requestConfirmation({ sms: '+447700900123' }, deps, { again: true })).resolves.toMatchObject({
      access: 'pending',
    });
  });

  it("bounds the texts one owner's requests send, over any numbers", async () => {
    for (const number of ['+447700900001', '+447700900002', '+447700900003'])
      await requestConfirmation({ sms: number }, deps);
    await expect(requestConfirmation({ sms: '+447700900004' }, deps)).rejects.toMatchObject({
      refusal: { budget: 'textsPerOwner' },
    });
    // The refused request took nothing from the number's own budget.
    await expect(requestConfirmation({ sms: '+447700900004' }, deps, {}, 'otto')).resolves.toMatchObject({
      access: 'pending',
    });
    expect(readOutboxCount()).toBe(4);
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
      sendBudgets: { ...deps.sendBudgets, confirmationsPerAddress: 50 },
      senders: { ...deps.senders, email: { send: async () => ({ messageId: `m-${mails.push('sent')}` }) } },
    };
    const requests = await Promise.all(Array.from({ length: 5 }, () => requestConfirmation(channel, counting)));
    expect(new Set(requests.map(({ consent }) => consent?.confirmBy)).size).toBe(1);
    expect(mails).toHaveLength(1);
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it('answers SES throttling with a retryable 503, gives the budget back and keeps no pending request', async () => {
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
    harness.setNow('2019-03-23T06:01:00Z');
    await requestConfirmation(channel, deps, { again: true });
    expect((await harness.deps.contacts.get('email:ana@example.org'))?.state).toBe('pending');
  });

  it("refuses a code once the deployment's texts of the day are spent, with 429 naming the budget, and texts nothing", async () => {
    const spent = { ...deps, sendBudgets: { ...deps.sendBudgets, accountTextsPerDay: 1 } };
    await requestConfirmation({ sms: '+447700900001' }, spent);
    await expect(requestConfirmation({ sms: '+447700900002' }, spent, {}, 'otto')).rejects.toMatchObject({
      kind: 'over-budget',
      refusal: { budget: 'accountTextsPerDay' },
    });
    expect(readOutboxCount()).toBe(1);
  });

  it('keeps an SMS code only as an HMAC under the stack secret: not the code, nor a plain hash of it', async () => {
    await requestConfirmation({ sms: '+447700900123' }, deps);
    const consent = await harness.deps.consents.get({ contact: 'sms:+447700900123', owner: 'uma' });
    const stored = consent?.verification?.codeHash ?? '';
    expect(stored).toBe(smsCodeHash('a test secret of at least thirty-two characters', 'sms:+447700900123', '123456'));
    expect(stored).not.toContain('123456');
    expect(stored).not.toBe(
      smsCodeHash('another secret of at least thirty-two characters', 'sms:+447700900123', '123456'),
    );
  });

  it('turns a number that opted out into an opted-out contact without texting it', async () => {
    const request = await requestConfirmation({ sms: '+15550100999' }, deps);
    expect(request).toEqual({ access: 'opted-out' });
    expect((await harness.deps.contacts.get('sms:+15550100999'))?.state).toBe('opted-out');
    expect(harness.sent()).toEqual([]);
  });
});
