import { requiredEnv } from '../adapters/environment.ts';
import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoCustomGroupStore } from '../adapters/dynamodb/custom-group-repository.ts';
import { DynamoObligationCatalogue } from '../adapters/dynamodb/obligation-repository.ts';
import { TABLE_NAME_ENV } from '../adapters/dynamodb/table-schema.ts';

/**
 * The composition point: the adapters every handler gets, built once per cold start from the
 * function's environment.
 */
const build = () => {
  const client = createDocumentClient();
  const tableName = requiredEnv(TABLE_NAME_ENV);
  return {
    obligations: new DynamoObligationCatalogue(client, tableName),
    customGroups: new DynamoCustomGroupStore(client, tableName),
  };
};

let dependencies: ReturnType<typeof build> | undefined;

export const tableDependencies = (): ReturnType<typeof build> => (dependencies ??= build());
