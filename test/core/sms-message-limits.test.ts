import { describe, expect, it } from 'vitest';
import { gsm7Length } from '../../lambdas/core/messages/gsm7.ts';
import { SMS_MAX_SEPTETS, smsMessage } from '../../lambdas/core/messages/sms-message.ts';
import { midtermReportReceived, onlyDelivery, report, watch } from '../support/watch-fixtures.ts';

/** Nigeria's late midterm report, with a document symbol as long as the test needs. */
const nigeriaReported = (symbol: string): string =>
  smsMessage(
    onlyDelivery(
      [midtermReportReceived(report('NG', '2019-06-10', { symbol }))],
      [watch({ id: 'w', target: { states: ['NG'] }, channel: { sms: '+447700900123' } })],
    ),
  );

describe('smsMessage at the limit of one segment', () => {
  it('sends a text of exactly 160 septets whole', () => {
    const text = nigeriaReported('S/AC.49/2019/77 and annexes I-IV, workers by employer and regions');

    expect(text).toBe(
      'Nigeria reported on Midterm report on repatriated DPRK workers, 80 days late, S/AC.49/2019/77 and annexes I-IV, workers by employer and regions. sanctions-watch',
    );
    expect(gsm7Length(text)).toBe(SMS_MAX_SEPTETS);
  });

  it('shortens the title of a text that would be 161 septets', () => {
    const text = nigeriaReported('S/AC.49/2019/77 and annexes I-VII, workers by employer and regions');

    expect(text).toBe(
      'Nigeria reported on Midterm report on repatriated DPRK..., 80 days late, S/AC.49/2019/77 and annexes I-VII, workers by employer and regions. sanctions-watch',
    );
    expect(gsm7Length(text)).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
  });
});
