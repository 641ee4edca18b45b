import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seedReferenceData, type SeedOutcome } from '../lambdas/core/commands/seed-reference-data.ts';
import { ensureTable } from '../lambdas/adapters/dynamodb/create-table.ts';
import { DYNAMODB_ENDPOINT_ENV } from '../lambdas/adapters/dynamodb/document-client.ts';
import { TABLE_NAME_ENV } from '../lambdas/adapters/dynamodb/table-schema.ts';
import { routes } from '../lambdas/handlers/http/routes.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { startLocalApi } from './http-server.ts';
import { localIdentityDirectory, openLocalIdentity } from './local-identity.ts';
import { startLocalSchedule } from './local-schedule.ts';
import { startStreamChangeDetection } from './stream-change-detection.ts';

export interface LocalRuntimeOptions {
  readonly projectRoot: string;
  readonly port: number;
  /**
   * DynamoDB Local's port; a free one when absent. Handlers keep their client for the life of the
   * process, as in a warm Lambda, so a runtime restarted in the same process needs the same port.
   */
  readonly dynamoDbPort?: number;
  /** Where DynamoDB Local keeps its data; in memory when absent. */
  readonly dataDirectory?: string;
  readonly tableName?: string;
  /** Where the token signing key is kept; `.local/identity` when absent, as `npm run token` expects. */
  readonly identityDirectory?: string;
  /** How often the deadline check runs (it also runs at start); off when absent. */
  readonly checkEveryMs?: number;
  /** Where the stream poller keeps its place, so a restart resumes; from the start of the stream when absent. */
  readonly streamCheckpointFile?: string;
  /** The stream's on-failure destination: failed records are appended here as JSON lines. */
  readonly streamFailureFile?: string;
  /** Told about every scheduled check. */
  readonly onCheck?: Parameters<typeof startLocalSchedule>[0]['onRun'];
}

export interface LocalRuntime {
  readonly apiUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly tableName: string;
  readonly seeded: SeedOutcome;
  /** Resolves once change detection has handled everything written to the table so far. */
  streamIdle(): Promise<void>;
  /** A token the API accepts, as `npm run token` prints. */
  issueToken(user: string, options?: { readonly admin?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole service on this machine: DynamoDB Local, the table as the stack declares it, the
 * reference data, the API's Lambda handlers served over HTTP, change detection on the table's
 * stream (polled as Lambda's event source mapping would), and the deadline check on a timer.
 */
export const startLocalRuntime = async (options: LocalRuntimeOptions): Promise<LocalRuntime> => {
  const tableName = options.tableName ?? 'sanctions-watch';
  const dynamoDb = await startDynamoDbLocal({
    ...(options.dataDirectory === undefined ? {} : { dataDirectory: options.dataDirectory }),
    ...(options.dynamoDbPort === undefined ? {} : { port: options.dynamoDbPort }),
  });
  try {
    // The handlers build their adapters from the environment, exactly as in AWS.
    process.env[DYNAMODB_ENDPOINT_ENV] = dynamoDb.endpoint;
    process.env[TABLE_NAME_ENV] = tableName;
    const client = new DynamoDBClient({ endpoint: dynamoDb.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(client, tableName);
    client.destroy();
    const { tableDependencies } = await import('../lambdas/handlers/table-dependencies.ts');
    const seeded = await seedReferenceData(tableDependencies());
    const identity = await openLocalIdentity(options.identityDirectory ?? localIdentityDirectory(options.projectRoot));
    const changeDetection = await startStreamChangeDetection({
      projectRoot: options.projectRoot,
      endpoint: dynamoDb.endpoint,
      tableName,
      checkpointFile: options.streamCheckpointFile,
      failureFile: options.streamFailureFile,
    });
    const api = await startLocalApi({ routes, projectRoot: options.projectRoot, port: options.port, identity });
    const schedule =
      options.checkEveryMs === undefined
        ? undefined
        : await startLocalSchedule({
            projectRoot: options.projectRoot,
            intervalMs: options.checkEveryMs,
            now: () => new Date(),
            onRun: options.onCheck ?? (() => undefined),
          });
    return {
      apiUrl: api.url,
      dynamoDbEndpoint: dynamoDb.endpoint,
      tableName,
      seeded,
      streamIdle: () => changeDetection.idle(),
      issueToken: (user, tokenOptions) => identity.issue(user, tokenOptions),
      stop: async () => {
        await schedule?.stop();
        await api.close();
        await changeDetection.stop();
        await dynamoDb.stop();
      },
    };
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
};
