import { describe, expect, it } from 'vitest';
import { accessOf, watchStatusFor } from '../../lambdas/core/contacts/contact-watches.ts';
import { gsm7Length, isGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import { testMessage } from '../../lambdas/core/messages/test-message.ts';
import { verificationCodeSms } from '../../lambdas/core/messages/verification-message.ts';
import type { WatchStatus } from '../../lambdas/core/watches/watch.ts';
import { watch } from '../support/watch-fixtures.ts';

const statuses: WatchStatus[] = ['pending-confirmation', 'active', 'paused', 'opted-out', 'unsubscribed'];

describe("a watch's status follows its owner's access to its address", () => {
  it("is confirmed only by the address's yes to this owner, and lost by the address leaving, whoever asked", () => {
    expect(accessOf({ state: 'confirmed' }, { state: 'confirmed' })).toBe('confirmed');
    // Another owner's confirmation made the address confirmed; this owner has not been said yes to.
    expect(accessOf({ state: 'confirmed' }, undefined)).toBe('pending');
    expect(accessOf({ state: 'confirmed' }, { state: 'pending' })).toBe('pending');
    expect(accessOf({ state: 'pending' }, { state: 'confirmed' })).toBe('pending');
    expect(accessOf(undefined, undefined)).toBe('pending');
    expect(accessOf({ state: 'gone' }, { state: 'confirmed' })).toBe('gone');
    expect(accessOf({ state: 'opted-out' }, { state: 'confirmed' })).toBe('opted-out');
  });

  it("a confirmed access lifts every watch waiting on it, and leaves an owner's pause alone", () => {
    expect(statuses.map((status) => watchStatusFor('confirmed', status))).toEqual([
      'active',
      'active',
      'paused',
      'active',
      'active',
    ]);
  });

  it('an unsubscribed or opted-out address stops every watch, paused ones included', () => {
    expect(new Set(statuses.map((status) => watchStatusFor('gone', status)))).toEqual(new Set(['unsubscribed']));
    expect(new Set(statuses.map((status) => watchStatusFor('opted-out', status)))).toEqual(new Set(['opted-out']));
  });

  it('a pending access changes nothing already decided', () => {
    expect(statuses.map((status) => watchStatusFor('pending', status))).toEqual(statuses);
  });
});

describe('texts that are not alerts', () => {
  it('the code text is GSM-7 in one segment', () => {
    const text = verificationCodeSms('012345', 15);
    expect(isGsm7(text) && gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(text).toContain('012345');
  });

  it('the SMS test is one GSM-7 segment and carries nothing the caller wrote', () => {
    const sms =
      testMessage(
        watch({ id: 'w', name: 'Call +1 555 0100 now to claim your prize', channel: { sms: '+447700900123' } }),
        'https://api.example.org/watches',
        '2019-03-23T06:00:00.000Z',
      ).sms ?? '';
    expect(isGsm7(sms)).toBe(true);
    expect(gsm7Length(sms)).toBeLessThanOrEqual(160);
    expect(sms).not.toContain('prize');
  });

  it("the email test names what the watch covers from the service's own lists, not the name its owner gave it", () => {
    const { email, unsubscribeUrl } = testMessage(
      watch({ id: 'w', name: 'Claim your prize at evil.example' }),
      'https://api.example.org/watches',
      '2019-03-23T06:00:00.000Z',
      'https://api.example.org/unsubscribe?c=email%3Aana%40example.org&s=x',
    );
    expect(email?.subject).toBe('sanctions-watch test message');
    expect(`${email?.subject} ${email?.body}`).not.toContain('prize');
    expect(email?.body).toContain('https://api.example.org/watches');
    expect(email?.body).toContain(unsubscribeUrl);
  });
});
