/**
 * The environment variables through which the stack (lib/) configures the functions in AWS, by
 * name. Only the AWS composition root (lambdas/aws-dependencies) and the adapters it builds read
 * them; the local runtime and the tests pass their dependencies in directly.
 */

/** Every function: the table's name. */
export const TABLE_NAME_ENV = 'TABLE_NAME';

/** Every function: how much the logger writes. */
export const LOG_LEVEL_ENV = 'LOG_LEVEL';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** The API's base URL (the stack's ApiUrl output), from which messages and feeds link back to it. */
export const PUBLIC_API_URL_ENV = 'PUBLIC_API_URL';

/** The stream consumer that publishes every stored alert event: the AlertEvents SNS topic's ARN. */
export const ALERT_EVENTS_TOPIC_ARN_ENV = 'ALERT_EVENTS_TOPIC_ARN';

/** The alarmed queue where deliveries that failed for good wait for an operator. */
export const FAILURE_QUEUE_URL_ENV = 'DELIVERY_FAILURES_QUEUE_URL';

/** Optional overrides of the daily send budgets (lambdas/core/budgets/send-budgets.ts), set from `cdk.json` context. */
export const SEND_BUDGET_ENV = {
  confirmationsPerAddress: 'BUDGET_CONFIRMATIONS_PER_ADDRESS',
  codesPerNumber: 'BUDGET_CODES_PER_NUMBER',
  textsPerOwner: 'BUDGET_TEXTS_PER_OWNER',
  testsPerAddress: 'BUDGET_TESTS_PER_ADDRESS',
  accountTextsPerDay: 'BUDGET_ACCOUNT_TEXTS_PER_DAY',
  signupsPerAddress: 'BUDGET_SIGNUPS_PER_ADDRESS',
  signupsPerHour: 'BUDGET_SIGNUPS_PER_HOUR',
} as const;

/** The country calling codes SMS goes to, comma-separated, or `*` for all; the default list when unset. */
export const SMS_COUNTRIES_ENV = 'SMS_COUNTRY_CODES';

/** Optional overrides of the per-contact daily caps. */
export const DAILY_CAP_ENV = { email: 'DAILY_CAP_EMAIL', sms: 'DAILY_CAP_SMS' } as const;

/** The SES email sender's settings: the address mail comes from, and the configuration set that reports its bounces and complaints. */
export const SES_SENDER_ENV = {
  fromAddress: 'SES_FROM_ADDRESS',
  configurationSet: 'SES_CONFIGURATION_SET',
} as const;

/** The Secrets Manager secret (its ARN) that unsubscribe and confirmation links are signed with: the functions that sign or check them. */
export const UNSUBSCRIBE_SECRET_ENV = 'UNSUBSCRIBE_SECRET_ARN';

/** The delivery pipeline's queues, for the functions that send to them. */
export const DELIVERY_QUEUE_URL_ENV = {
  waves: 'WAVE_QUEUE_URL',
  shards: 'SHARD_QUEUE_URL',
  email: 'EMAIL_QUEUE_URL',
  sms: 'SMS_QUEUE_URL',
} as const;

/** The migrations function: its own continuation queue, where a run out of time hands the deploy's event on. */
export const MIGRATIONS_QUEUE_URL_ENV = 'MIGRATIONS_QUEUE_URL';

/**
 * The source job's feeds and its one switch, set from `cdk.json` context: the daily issuance list's
 * URL with `{date}` where the day goes, and the Digital Library's MARCXML search URL (the job sets
 * `rg` and `jrec`). A feed without a URL is not read. `autoAccept=true` in context sets AUTO_ACCEPT
 * to `true`: proposals with a known state, a known committee and exactly one open obligation are
 * accepted without review.
 */
export const SOURCE_FEED_ENV = {
  dailyIssuanceUrl: 'SOURCE_DAILY_ISSUANCE_URL',
  digitalLibraryUrl: 'SOURCE_DIGITAL_LIBRARY_URL',
  autoAccept: 'SOURCE_AUTO_ACCEPT',
} as const;
