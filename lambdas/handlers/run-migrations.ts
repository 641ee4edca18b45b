import type { CloudFormationCustomResourceEvent, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../adapters/logger.ts';
import type { MigrationsHandlerDependencies } from '../adapters/migrations/migrations.ts';
import {
  type MigrationsContinuation,
  parseMigrationsContinuation,
} from '../adapters/sqs/sqs-migrations-continuation.ts';
import * as aws from '../aws-dependencies.ts';
import { runMigrations } from '../core/migrations/run-migrations.ts';
import { answerCustomResource, type DataCustomResource } from './custom-resource.ts';
import { lazyHandler } from './lazy-handler.ts';

/** No page starts with less time left than this: a page, its SNS calls included, takes seconds. */
const PAGE_RESERVE_MILLIS = 60_000;
/** CloudFormation waits an hour for an answer (the default service timeout); a run still unfinished by then answers FAILED. */
const GIVE_UP_AFTER_MILLIS = 50 * 60_000;

const migrationsResource = (
  continuation: MigrationsContinuation,
  context: Context,
  deps: MigrationsHandlerDependencies,
): DataCustomResource => ({
  physicalResourceId: 'sanctions-watch-migrations',
  what: 'applying migrations',
  apply: async () => {
    const outcome = await runMigrations(deps.migrations, {
      ...deps,
      hasTimeForPage: () => context.getRemainingTimeInMillis() > PAGE_RESERVE_MILLIS,
    });
    const applied = outcome.applied.map(
      ({ id, scanned, changed }) => `${id} (${changed} of ${scanned} items read changed)`,
    );
    if (outcome.status === 'done') {
      logger.info('migrations applied', { applied: outcome.applied, before: outcome.before });
      return {
        reason: `Applied ${applied.length === 0 ? 'none' : applied.join(', ')}; applied before: ${outcome.before.length}`,
        data: { applied: outcome.applied.map(({ id }) => id).join(','), before: outcome.before.join(',') },
      };
    }
    const { migration } = outcome;
    if (deps.clock.now().getTime() - Date.parse(continuation.startedAt) > GIVE_UP_AFTER_MILLIS)
      throw new Error(
        `Migration ${migration.id} is unfinished after ${GIVE_UP_AFTER_MILLIS / 60_000} minutes (${migration.scanned} items read, ${migration.changed} changed); its progress is kept, and the next deploy resumes it`,
      );
    logger.info('migrations handed on', { migration });
    await deps.handOn(continuation);
    return 'later';
  },
});

/**
 * CloudFormation custom resource: applies the migrations not yet applied, on every Create and
 * Update, and keeps the data on Delete. A run out of time hands the event on through the function's
 * own queue; invoked from there, the function resumes where the run stopped and, once every
 * migration is done, answers CloudFormation.
 */
export const handlerFor =
  (deps: MigrationsHandlerDependencies) =>
  async (
    event: CloudFormationCustomResourceEvent | SQSEvent,
    context: Context,
  ): Promise<SQSBatchResponse | undefined> => {
    logger.setRequestKeys({ requestId: context.awsRequestId, function: context.functionName });
    if (!('Records' in event)) {
      const continuation = { event, startedAt: deps.clock.now().toISOString() };
      await answerCustomResource(event, migrationsResource(continuation, context, deps));
      return undefined;
    }
    for (const record of event.Records) {
      const continuation = parseMigrationsContinuation(record.body);
      await answerCustomResource(continuation.event, migrationsResource(continuation, context, deps));
    }
    return { batchItemFailures: [] };
  };

export const handler = lazyHandler(() => handlerFor(aws.migrationsRun()));
