import { randomInt } from 'node:crypto';
import * as z from 'zod/mini';
import { DAILY_CAP_ENV, SEND_BUDGET_ENV, SMS_COUNTRIES_ENV } from '../contracts/environment.ts';
import { DEFAULT_SEND_BUDGETS, type SendBudgets } from '../core/budgets/send-budgets.ts';
import { DEFAULT_SMS_COUNTRIES, type SmsCountries } from '../core/budgets/sms-countries.ts';
import { DEFAULT_RETRY, type RetryPolicy } from '../core/delivery/retry.ts';
import type { DailyCaps } from '../core/ports/stores.ts';

/** So a mistake or an abuser cannot run up SMS spend: messages per contact per UTC day. */
export const DEFAULT_DAILY_CAPS: DailyCaps = { email: 50, sms: 10 };

const capSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number')), z.transform(Number))
    .check(z.minimum(1), z.maximum(10_000)),
);

const capFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = capSchema.safeParse(raw.trim());
  if (!parsed.success)
    throw new Error(
      `Configuration error: environment variable ${name} must be a whole number from 1 to 10000, got ${JSON.stringify(raw)}`,
    );
  return parsed.data;
};

/** The daily caps, each overridden by its environment variable (DAILY_CAP_EMAIL, DAILY_CAP_SMS) when set. */
export const dailyCapsFromEnv = (): DailyCaps => ({
  email: capFromEnv(DAILY_CAP_ENV.email, DEFAULT_DAILY_CAPS.email),
  sms: capFromEnv(DAILY_CAP_ENV.sms, DEFAULT_DAILY_CAPS.sms),
});

/** The send budgets, each overridden by its environment variable (SEND_BUDGET_ENV) when the stack sets one. */
export const sendBudgetsFromEnv = (): SendBudgets => ({
  confirmationsPerAddress: capFromEnv(
    SEND_BUDGET_ENV.confirmationsPerAddress,
    DEFAULT_SEND_BUDGETS.confirmationsPerAddress,
  ),
  codesPerNumber: capFromEnv(SEND_BUDGET_ENV.codesPerNumber, DEFAULT_SEND_BUDGETS.codesPerNumber),
  textsPerOwner: capFromEnv(SEND_BUDGET_ENV.textsPerOwner, DEFAULT_SEND_BUDGETS.textsPerOwner),
  testsPerAddress: capFromEnv(SEND_BUDGET_ENV.testsPerAddress, DEFAULT_SEND_BUDGETS.testsPerAddress),
  accountTextsPerDay: capFromEnv(SEND_BUDGET_ENV.accountTextsPerDay, DEFAULT_SEND_BUDGETS.accountTextsPerDay),
  signupsPerAddress: capFromEnv(SEND_BUDGET_ENV.signupsPerAddress, DEFAULT_SEND_BUDGETS.signupsPerAddress),
  signupsPerHour: capFromEnv(SEND_BUDGET_ENV.signupsPerHour, DEFAULT_SEND_BUDGETS.signupsPerHour),
});

/** The countries SMS goes to: SMS_COUNTRIES_ENV as the stack set it (`*`, or calling codes such as `1,44`). */
export const smsCountriesFromEnv = (): SmsCountries => {
  const raw = process.env[SMS_COUNTRIES_ENV]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SMS_COUNTRIES;
  if (raw === '*') return 'all';
  const codes = raw.split(',').map((code) => code.trim());
  if (!codes.every((code) => /^[1-9]\d{0,2}$/.test(code)))
    throw new Error(
      `Configuration error: environment variable ${SMS_COUNTRIES_ENV} must be * or country calling codes such as 1,44, got ${JSON.stringify(raw)}`,
    );
  return codes;
};

export const retryPolicy: RetryPolicy = {
  ...DEFAULT_RETRY,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** Six digits from a cryptographic source, leading zeros kept. */
export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
