import { randomInt } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import { DAILY_CAP_ENV, FAILURE_QUEUE_URL_ENV } from '../contracts/environment.ts';
import { DEFAULT_RETRY, type RetryPolicy } from '../core/delivery/retry.ts';
import type { Notifier } from '../core/ports/notifier.ts';
import type { DailyCaps, DeliveryFailureSink } from '../core/ports/stores.ts';
import { requiredEnv } from './environment.ts';
import { fileFailureSink } from './outbox/file-failure-sink.ts';
import { INJECTED_FAULTS_ENV, withInjectedFaults } from './outbox/injected-faults.ts';
import { createOutboxNotifier } from './outbox/outbox-notifier.ts';
import { createSnsNotifier } from './sns/sns-notifier.ts';
import { SqsFailureSink } from './sqs/sqs-failure-sink.ts';

/**
 * Local runs only: with these set, messages go to a JSON-lines outbox and parked failures to a
 * file instead of SNS and SQS. `npm start` and the tests set them; the stack never does.
 */
export const LOCAL_DELIVERY_ENV = {
  outboxFile: 'NOTIFIER_OUTBOX_FILE',
  confirmationBaseUrl: 'NOTIFIER_OUTBOX_CONFIRM_URL',
  failuresFile: 'DELIVERY_FAILURES_FILE',
} as const;

/** So a mistake or an abuser cannot run up SMS spend: messages per contact per UTC day. */
export const DEFAULT_DAILY_CAPS: DailyCaps = { email: 50, sms: 10 };

const capSchema = z
  .pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number')), z.transform(Number))
  .check(z.minimum(1), z.maximum(10_000));

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

export const dailyCapsFromEnv = (): DailyCaps => ({
  email: capFromEnv(DAILY_CAP_ENV.email, DEFAULT_DAILY_CAPS.email),
  sms: capFromEnv(DAILY_CAP_ENV.sms, DEFAULT_DAILY_CAPS.sms),
});

const outboxFile = (): string | undefined => process.env[LOCAL_DELIVERY_ENV.outboxFile] || undefined;

/** SNS in AWS; the outbox when the local runtime says so. */
export const notifierFromEnv = (): Notifier => {
  const file = outboxFile();
  if (file === undefined) return createSnsNotifier();
  const outbox = createOutboxNotifier({
    file,
    now: () => new Date(),
    confirmationBaseUrl: requiredEnv(LOCAL_DELIVERY_ENV.confirmationBaseUrl),
    // Tests silence the logs, and with them the outbox's one-line echo.
    ...(process.env.LOG_LEVEL === 'SILENT' ? { print: () => undefined } : {}),
  });
  return withInjectedFaults(outbox, process.env[INJECTED_FAULTS_ENV]);
};

export const failureSinkFromEnv = (): DeliveryFailureSink => {
  const file = process.env[LOCAL_DELIVERY_ENV.failuresFile];
  return file ? fileFailureSink(file) : new SqsFailureSink(new SQSClient({}), requiredEnv(FAILURE_QUEUE_URL_ENV));
};

export const retryPolicy: RetryPolicy = {
  ...DEFAULT_RETRY,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** Six digits from a cryptographic source, leading zeros kept. */
export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
