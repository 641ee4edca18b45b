/** The custom resource that sets the account's monthly SMS spend limit on deploy. */
export const setSmsSpendLimitEntry = 'lambdas/handlers/set-sms-spend-limit.ts';

/** The resource property that carries the limit, in US dollars. */
export const SMS_SPEND_LIMIT_PROPERTY = 'MonthlySpendLimit';
