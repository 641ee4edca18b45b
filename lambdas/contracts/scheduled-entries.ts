/**
 * Handler modules that no route invokes, relative to the project root: EventBridge schedules,
 * CloudFormation and SNS do. The stream consumers' entries sit beside their settings in streams.ts.
 */

/** Daily (by default): the deadline check. */
export const scheduledDeadlineCheckEntry = 'lambdas/handlers/scheduled-deadline-check.ts';

/** Hourly: re-announces what is still overdue, and sends digests. */
export const scheduledDeliveryEntry = 'lambdas/handlers/scheduled-delivery.ts';

/** The custom resource that seeds the reference data on every deploy. */
export const seedReferenceDataEntry = 'lambdas/handlers/seed-reference-data.ts';

/** The custom resource that applies the one-off migrations on every deploy, and the queue it hands unfinished runs on through. */
export const runMigrationsEntry = 'lambdas/handlers/run-migrations.ts';

/** SES's bounces and complaints, through the email configuration set's SNS topic. */
export const sesFeedbackEntry = 'lambdas/handlers/ses-feedback.ts';

/** Cognito's pre token generation trigger: the admin group only with a TOTP device enrolled. */
export const preTokenGenerationEntry = 'lambdas/handlers/pre-token-generation.ts';

/** API Gateway's `$default` route: the requests no route takes, answered 405 with `Allow` or 404. */
export const unroutedEntry = 'lambdas/handlers/http/unrouted.ts';

/** Hourly: reads the UN's document feeds and stores what they announce as proposals. */
export const scheduledSourceCheckEntry = 'lambdas/handlers/scheduled-source-check.ts';
