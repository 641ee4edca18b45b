import type { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Migration } from '../../core/migrations/migration.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { MigrationLedger } from '../../core/ports/migrations.ts';
import type { MigrationsContinuation } from '../sqs/sqs-migrations-continuation.ts';
import { backfillWatchShards } from './backfill-watch-shards.ts';
import { forgetUnusedAddresses } from './forget-unused-addresses.ts';
import { retireEmailTopics } from './retire-email-topics.ts';

/** Every migration, in the order they are applied; a new one goes at the end, and none is ever removed while a table may lack it. */
export const migrations = (
  client: DynamoDBDocumentClient,
  tableName: string,
  sns: SNSClient,
  clock: Clock,
): readonly Migration[] => [
  backfillWatchShards(client, tableName),
  retireEmailTopics(client, tableName, sns, clock),
  forgetUnusedAddresses(client, tableName),
];

/** What the migrations function (lambdas/handlers/run-migrations.ts) is built with. */
export interface MigrationsHandlerDependencies {
  readonly clock: Clock;
  readonly ledger: MigrationLedger;
  readonly migrations: readonly Migration[];
  /** Hands the run to a later invocation (the function's continuation queue), which resumes it and answers CloudFormation. */
  readonly handOn: (continuation: MigrationsContinuation) => Promise<void>;
}
