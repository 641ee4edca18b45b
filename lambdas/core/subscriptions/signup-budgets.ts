import { type BudgetDependencies, drawBudgets } from '../budgets/send-budgets.ts';
import { DomainError, overBudget } from '../errors.ts';
import { utcDateOf } from '../time/calendar-date.ts';

const HOUR_MS = 3_600_000;

/**
 * One sign-up off the deployment's hourly sign-ups, or a 429 naming `signupsPerHour` with the
 * seconds to the next UTC hour. Counted as a daily budget per hour of the day (`signupsPerHour@15`).
 */
export const drawSignupHour = async (now: Date, deps: BudgetDependencies): Promise<void> => {
  const limit = deps.sendBudgets.signupsPerHour;
  const budget = `signupsPerHour@${String(now.getUTCHours()).padStart(2, '0')}`;
  if (await deps.budgets.take({ account: 'signups' }, budget, utcDateOf(now), limit)) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((HOUR_MS - (now.getTime() % HOUR_MS)) / 1000));
  throw overBudget(
    { budget: 'signupsPerHour', retryAfterSeconds },
    `This service took ${limit} sign-ups this hour, the most it takes in an hour; nothing was sent. Try again after the hour`,
  );
};

/** Budgets that count per address (or per the address's own public owner): refusing them aloud would tell a stranger that the address was asked already. */
const perAddress: ReadonlySet<string> = new Set([
  'signupsPerAddress',
  'confirmationsPerAddress',
  'codesPerNumber',
  'textsPerOwner',
  'requestBackoff',
]);

/** Whether the error is a refusal that the sign-up must swallow, answering as if accepted. */
export const isPerAddressRefusal = (error: unknown): boolean =>
  error instanceof DomainError && error.kind === 'over-budget' && perAddress.has(error.refusal?.budget ?? '');

/** One sign-up off the address's daily sign-ups; false when they are spent (nothing may be sent). */
export const drawSignupOfAddress = async (contact: string, now: Date, deps: BudgetDependencies): Promise<boolean> => {
  try {
    await drawBudgets([{ budget: 'signupsPerAddress', holder: { contact } }], now, deps);
    return true;
  } catch (error) {
    if (isPerAddressRefusal(error)) return false;
    throw error;
  }
};
