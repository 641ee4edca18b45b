import { createDocumentClient } from '../adapters/dynamodb/document-client.ts';
import { countRequests } from '../adapters/dynamodb/request-counter.ts';
import { requiredEnv } from '../adapters/environment.ts';
import { TABLE_NAME_ENV } from '../contracts/environment.ts';

/**
 * The table as a function sees it: one document client per process (created at cold start, from
 * the function's environment) and the table's name. Handlers build only the adapters they use
 * from it, so each bundle carries, and each cold start loads, only those.
 */
const open = () => {
  const client = createDocumentClient();
  return { client, tableName: requiredEnv(TABLE_NAME_ENV), requests: countRequests(client) };
};

let access: ReturnType<typeof open> | undefined;

export const tableAccess = (): ReturnType<typeof open> => (access ??= open());
