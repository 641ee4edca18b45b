import { describe, expect, it } from 'vitest';
import { checkSmsCountry, DEFAULT_SMS_COUNTRIES } from '../../lambdas/core/budgets/sms-countries.ts';

describe('the SMS country allow-list', () => {
  it('passes numbers whose country code is on the list, and email whatever it is', () => {
    for (const sms of ['+12025550143', '+447700900123', '+35312345678', '+821012345678'])
      expect(() => checkSmsCountry({ sms }, DEFAULT_SMS_COUNTRIES)).not.toThrow();
    expect(() => checkSmsCountry({ email: 'ana@example.org' }, ['44'])).not.toThrow();
  });

  it('refuses the rest with a 400 naming the field, and every number when told all', () => {
    for (const sms of ['+881612345678', '+97455123456', '+79161234567', '+35412345'])
      expect(() => checkSmsCountry({ sms }, DEFAULT_SMS_COUNTRIES)).toThrow(
        expect.objectContaining({ kind: 'invalid-input', code: 'sms-country-not-allowed', field: 'channel.sms' }),
      );
    expect(() => checkSmsCountry({ sms: '+881612345678' }, 'all')).not.toThrow();
  });
});
