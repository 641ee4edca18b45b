import { resolve } from 'node:path';
import { routes } from '../../lambdas/handlers/http/routes.ts';
import { startLocalApi } from '../../local/http-server.ts';
import { createTestTable } from './test-table.ts';

/**
 * The API's real handlers behind the local API Gateway adapter, on a fresh table in DynamoDB
 * Local. Requests go over real HTTP on loopback.
 */
export const startTestApi = async () => {
  const table = await createTestTable();
  const api = await startLocalApi({ routes, projectRoot: resolve(import.meta.dirname, '../..'), port: 0 });
  const request = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${api.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  return { ...table, url: api.url, request, close: api.close };
};
