import { invalidInput } from '../errors.ts';
import type { WatchChannel } from '../watches/watch.ts';

/**
 * The country calling codes a deployment texts, or `all`. SMS pumping rings premium and
 * satellite ranges (+881, +882, ...) a deployment has no subscribers in; a short list closes them.
 */
export type SmsCountries = readonly string[] | 'all';

/**
 * The default, a policy choice rather than a fact: North America (+1), the United Kingdom (+44),
 * France (+33), Germany (+49), Switzerland (+41), the Netherlands (+31), Belgium (+32), Sweden
 * (+46), Norway (+47), Denmark (+45), Ireland (+353), Australia (+61), New Zealand (+64), Japan
 * (+81) and the Republic of Korea (+82). A deployment widens it with `-c smsCountries=...` or `*`.
 */
export const DEFAULT_SMS_COUNTRIES: readonly string[] = [
  '1',
  '44',
  '33',
  '49',
  '41',
  '31',
  '32',
  '46',
  '47',
  '45',
  '353',
  '61',
  '64',
  '81',
  '82',
];

/**
 * Refuses an SMS channel whose number is outside the deployment's countries, with a 400 naming
 * the field. E.164 country codes are prefix-free, so a number's code is the allowed one it starts with.
 */
export const checkSmsCountry = (channel: WatchChannel, allowed: SmsCountries, field = 'channel.sms'): void => {
  if (!('sms' in channel) || allowed === 'all') return;
  if (allowed.some((code) => channel.sms.startsWith(`+${code}`))) return;
  throw invalidInput(
    field,
    `This service does not text numbers in that country; it texts +${allowed.join(', +')}`,
    'sms-country-not-allowed',
  );
};
