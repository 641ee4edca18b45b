import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One DynamoDB Local per worker, in the order of vitest's worker numbers. */
    dynamoDbEndpoints: string[];
  }
}

/**
 * Starts one DynamoDB Local per worker for the test run, on free ports, and stops them afterwards.
 * DynamoDB Local runs every request's SQL on one thread of its own, so a single one shared by both
 * workers kept each waiting on the other's requests while a core sat idle.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.all(
    Array.from({ length: project.vitest.config.maxWorkers }, () => startDynamoDbLocal()),
  );
  project.provide(
    'dynamoDbEndpoints',
    started.map(({ endpoint }) => endpoint),
  );
  return async () => {
    await Promise.all(started.map((dynamoDb) => dynamoDb.stop()));
  };
}
