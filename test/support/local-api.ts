import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes } from '../../lambdas/contracts/routes.ts';
import { httpHandlers } from '../../local/handler-registry.ts';
import { startLocalApi } from '../../local/http-server.ts';
import { openLocalIdentity } from '../../local/local-identity.ts';
import { testDependencies } from './test-dependencies.ts';
import { createTestTable } from './test-table.ts';

/**
 * The API's real handlers behind the local API Gateway adapter, on a fresh table in DynamoDB
 * Local, with the local JWT authorizer. Requests go over real HTTP on loopback. Messages land in
 * an outbox file, as with `npm start`: tests read what subscribers would get.
 */
export const startTestApi = async () => {
  const table = await createTestTable();
  const identity = await openLocalIdentity(mkdtempSync(join(tmpdir(), 'sanctions-watch-identity-')));
  const api = await startLocalApi({ routes, port: 0, identity });
  // Real time plus what the test moved it on by: budgets and backoffs can be tried without waiting.
  let movedMs = 0;
  const deps = { ...testDependencies(table, api.url), clock: { now: () => new Date(Date.now() + movedMs) } };
  api.serve({ handlers: httpHandlers(deps) });
  const tokens = {
    admin: await identity.issue('ada-admin', { admin: true }),
    user: await identity.issue('uma-user', { admin: false }),
    other: await identity.issue('otto-other', { admin: false }),
  };
  const request = async (path: string, init?: RequestInit & { readonly as?: keyof typeof tokens }) => {
    const headers = new Headers(init?.headers);
    if (init?.as) headers.set('authorization', `Bearer ${tokens[init.as]}`);
    const response = await fetch(`${api.url}${path}`, { ...init, headers });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  };
  /** Sends a JSON body as the given caller. */
  const send = (method: string, path: string, body: unknown, as: keyof typeof tokens = 'admin') =>
    request(path, {
      method,
      as,
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...table,
    url: api.url,
    /** The dependencies the API's handlers were built with, for a test to run another handler on the same table. */
    deps,
    outboxFile: deps.outboxFile,
    failuresFile: deps.failuresFile,
    tokens,
    request,
    send,
    /** Moves the handlers' clock on, as waiting would. */
    moveClock: (seconds: number) => {
      movedMs += seconds * 1000;
    },
    /**
     * Moves the handlers' clock on to 01:00 UTC of the next day: for a test whose later moves must
     * stay within one day's budgets, whatever time of day the suite runs.
     */
    moveClockToNextDay: () => {
      const now = deps.clock.now();
      movedMs += Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1) - now.getTime();
    },
    close: api.close,
  };
};
