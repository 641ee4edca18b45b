import { describe, expect, it } from 'vitest';
import { newWatchStatus, watchStatusFor } from '../../lambdas/core/contacts/contact-watches.ts';
import { gsm7Length, isGsm7 } from '../../lambdas/core/messages/gsm7.ts';
import { testMessage } from '../../lambdas/core/messages/test-message.ts';
import { verificationCodeSms } from '../../lambdas/core/messages/verification-message.ts';
import type { WatchStatus } from '../../lambdas/core/watches/watch.ts';
import { watch } from '../support/watch-fixtures.ts';

const statuses: WatchStatus[] = ['pending-confirmation', 'active', 'paused', 'opted-out', 'unsubscribed'];

describe("a watch's status follows its address", () => {
  it("a confirmed address lifts every watch waiting on it, and leaves an owner's pause alone", () => {
    expect(statuses.map((status) => watchStatusFor({ state: 'confirmed' }, status))).toEqual([
      'active',
      'active',
      'paused',
      'active',
      'active',
    ]);
  });

  it('an unsubscribed or opted-out address stops every watch, paused ones included', () => {
    expect(new Set(statuses.map((status) => watchStatusFor({ state: 'gone' }, status)))).toEqual(
      new Set(['unsubscribed']),
    );
    expect(new Set(statuses.map((status) => watchStatusFor({ state: 'opted-out' }, status)))).toEqual(
      new Set(['opted-out']),
    );
  });

  it('a pending address changes nothing already decided; a new watch on it waits', () => {
    expect(statuses.map((status) => watchStatusFor({ state: 'pending' }, status))).toEqual(statuses);
    expect(newWatchStatus({ state: 'pending' })).toBe('pending-confirmation');
    expect(newWatchStatus({ state: 'confirmed' })).toBe('active');
  });
});

describe('texts that are not alerts', () => {
  it('the code text is GSM-7 in one segment', () => {
    const text = verificationCodeSms('012345', 15);
    expect(isGsm7(text) && gsm7Length(text)).toBeLessThanOrEqual(160);
    expect(text).toContain('012345');
  });

  it('the SMS test keeps to one GSM-7 segment even with a 100-character name in a non-Latin script', () => {
    const sms =
      testMessage(
        watch({ id: 'w', name: 'Côte d\u2019Ivoire — São Tomé ' + 'x'.repeat(80), channel: { sms: '+447700900123' } }),
        'https://api.example.org/watches',
        '2019-03-23T06:00:00.000Z',
      ).sms ?? '';
    expect(isGsm7(sms)).toBe(true);
    expect(gsm7Length(sms)).toBeLessThanOrEqual(160);
  });

  it('the email test has an ASCII subject of at most 100 characters naming the watch', () => {
    const { email } = testMessage(
      watch({ id: 'w', name: 'Afrique — retards' }),
      'https://api.example.org/watches',
      '2019-03-23T06:00:00.000Z',
    );
    expect(email?.subject).toBe('sanctions-watch test: Afrique - retards');
    expect(email?.body).toContain('https://api.example.org/watches');
  });
});
