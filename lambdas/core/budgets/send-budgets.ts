import { DomainError, overBudget } from '../errors.ts';
import type { DailyBudgets } from '../ports/stores.ts';
import { type IsoDate, utcDateOf } from '../time/calendar-date.ts';

/**
 * What requests may make the service send to people in a UTC day, whoever asks: every path that
 * messages someone on a caller's say-so is an abuse path, so each has a budget. Set per deployment
 * from `cdk.json` context (see lib/), these are the defaults.
 */
export interface SendBudgets {
  /** Confirmation mails one address gets. */
  readonly confirmationsPerAddress: number;
  /** Verification codes one number gets. */
  readonly codesPerNumber: number;
  /** Texts (codes and tests) one owner's requests send, to any numbers. */
  readonly textsPerOwner: number;
  /** Test messages one address gets. */
  readonly testsPerAddress: number;
  /** Texts the whole deployment sends, alerts included: the ceiling on a day's SMS bill. */
  readonly accountTextsPerDay: number;
  /** Public sign-ups (the board's form) that may send to one address: a stranger gets at most this many a day. */
  readonly signupsPerAddress: number;
  /** Public sign-ups the whole deployment takes in a UTC hour, whatever the address: the form's ceiling. */
  readonly signupsPerHour: number;
}

export type BudgetName = keyof SendBudgets;

export const DEFAULT_SEND_BUDGETS: SendBudgets = {
  confirmationsPerAddress: 3,
  codesPerNumber: 3,
  textsPerOwner: 10,
  testsPerAddress: 3,
  accountTextsPerDay: 1000,
  signupsPerAddress: 1,
  signupsPerHour: 100,
};

/** Whose budget a send draws on: an address's (hashed in storage), an owner's, or the whole deployment's. */
export type BudgetHolder =
  | { readonly contact: string }
  | { readonly owner: string }
  | { readonly account: 'sms' | 'signups' };

/** The deployment's own draw for one text. */
export const ACCOUNT_TEXT: BudgetDraw = { budget: 'accountTextsPerDay', holder: { account: 'sms' } };

export interface BudgetDraw {
  readonly budget: BudgetName;
  readonly holder: BudgetHolder;
}

/** What a refusal says, per budget. */
const refusals: Record<BudgetName, (limit: number) => string> = {
  confirmationsPerAddress: (limit) => `This address was sent ${limit} confirmation requests today, the most it gets`,
  codesPerNumber: (limit) => `This number was sent ${limit} codes today, the most it gets`,
  textsPerOwner: (limit) => `Your requests sent ${limit} texts today, the most an account may`,
  testsPerAddress: (limit) => `This address was sent ${limit} test messages today, the most it gets`,
  accountTextsPerDay: (limit) => `This service sent ${limit} texts today, the most it sends in a day`,
  signupsPerAddress: (limit) => `This address was signed up ${limit} times today, the most it may be`,
  signupsPerHour: (limit) => `This service took ${limit} sign-ups this hour, the most it takes in an hour`,
};

/** Seconds from `now` to the next UTC midnight, when every daily budget starts again. */
export const secondsToNextUtcDay = (now: Date): number => {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
};

export interface BudgetDependencies {
  readonly budgets: DailyBudgets;
  readonly sendBudgets: SendBudgets;
}

/** Gives back what a draw took, when the message it paid for did not go out. */
export type Refund = () => Promise<void>;

/**
 * Takes one unit of each budget in turn. If one is spent, what was taken is given back and the
 * request is refused with a 429 naming the budget and the seconds until the next UTC day.
 */
export const drawBudgets = async (
  draws: readonly BudgetDraw[],
  now: Date,
  deps: BudgetDependencies,
): Promise<Refund> => {
  const day: IsoDate = utcDateOf(now);
  const taken: BudgetDraw[] = [];
  const refund: Refund = async () => {
    for (const { budget, holder } of taken) await deps.budgets.release(holder, budget, day);
  };
  for (const draw of draws) {
    const limit = deps.sendBudgets[draw.budget];
    if (!(await deps.budgets.take(draw.holder, draw.budget, day, limit))) {
      await refund();
      throw overBudget(
        { budget: draw.budget, retryAfterSeconds: secondsToNextUtcDay(now) },
        `${refusals[draw.budget](limit)}; nothing was sent. Ask again after midnight UTC`,
      );
    }
    taken.push(draw);
  }
  return refund;
};

/**
 * One text's draw on the deployment's daily texts, or undefined once they are spent: an alert
 * then waits for the next day rather than being refused.
 */
export const drawAccountText = async (now: Date, deps: BudgetDependencies): Promise<Refund | undefined> => {
  try {
    return await drawBudgets([ACCOUNT_TEXT], now, deps);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'over-budget') return undefined;
    throw error;
  }
};
