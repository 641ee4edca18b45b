import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../lambdas/contracts/routes.ts';
import { startLocalApi } from '../../local/http-server.ts';
import { type LocalIdentity, openLocalIdentity } from '../../local/local-identity.ts';
import { invocations as adminInvocations, handler as adminOnly } from '../fixtures/admin-only.ts';
import { handler as echoCaller, invocations as echoInvocations } from '../fixtures/echo-caller.ts';

const fixtureRoute = (
  id: string,
  method: RouteDefinition['method'],
  path: string,
  auth: RouteDefinition['auth'],
  entry: string,
): RouteDefinition => ({
  notifies: false,
  id,
  method,
  path,
  entry: `test/fixtures/${entry}.ts`,
  tableAccess: 'read',
  auth,
});

/** One route per kind of protection, each served by a fixture rather than a real handler. */
const routes = [
  fixtureRoute('admin-only', 'POST', '/admin-only', 'admin', 'admin-only'),
  fixtureRoute('whoami', 'GET', '/whoami', 'user', 'echo-caller'),
  fixtureRoute('open', 'GET', '/open', 'public', 'echo-caller'),
];

const identityDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-protected-'));
const strangerDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-stranger-'));
let identity: LocalIdentity;
/** Another key pair: its tokens are well formed but not signed by the key the API trusts. */
let stranger: LocalIdentity;
/** The API's own key, a day ago: its tokens are long expired. */
let yesterday: LocalIdentity;
let api: Awaited<ReturnType<typeof startLocalApi>>;

beforeAll(async () => {
  identity = await openLocalIdentity(identityDirectory);
  stranger = await openLocalIdentity(strangerDirectory);
  yesterday = await openLocalIdentity(identityDirectory, () => new Date(Date.now() - 24 * 60 * 60 * 1000));
  api = await startLocalApi({ routes, port: 0, identity });
  api.serve({ handlers: { 'admin-only': adminOnly, whoami: echoCaller, open: echoCaller } });
});
afterAll(async () => {
  await api.close();
  rmSync(identityDirectory, { recursive: true, force: true });
  rmSync(strangerDirectory, { recursive: true, force: true });
});
beforeEach(() => {
  adminInvocations.length = 0;
  echoInvocations.length = 0;
});

const request = async (method: string, path: string, authorization?: string) => {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  return {
    status: response.status,
    json: (await response.json()) as unknown,
    challenge: response.headers.get('www-authenticate'),
  };
};

const unauthorized = { status: 401, json: { message: 'Unauthorized' }, challenge: 'Bearer' };

describe('routes behind the JWT authorizer', () => {
  it('answers a request without a token as API Gateway does, without running the handler', async () => {
    expect(await request('POST', '/admin-only')).toEqual(unauthorized);
    expect(await request('GET', '/whoami')).toEqual(unauthorized);
    expect(adminInvocations).toEqual([]);
    expect(echoInvocations).toEqual([]);
  });

  it.each([
    ['a header that is only the scheme', async () => 'Bearer '],
    ['a token that is not a JWT', async () => 'Bearer not.a.jwt'],
    ['a token signed by another key', async () => `Bearer ${await stranger.issue('alice', { admin: true })}`],
    ['an expired token', async () => `Bearer ${await yesterday.issue('alice', { admin: true })}`],
    ['a basic-auth header', async () => `Basic ${Buffer.from('alice:secret').toString('base64')}`],
  ])('answers %s with 401 without running the handler', async (_case, header) => {
    expect(await request('POST', '/admin-only', await header())).toEqual(unauthorized);
    expect(adminInvocations).toEqual([]);
  });

  it('passes a valid token\'s claims to the handler in API Gateway\'s shape, with or without "Bearer"', async () => {
    const token = await identity.issue('carol');

    for (const header of [`Bearer ${token}`, token]) {
      const { status, json } = await request('GET', '/whoami', header);

      expect(status).toBe(200);
      expect(json).toEqual({
        authorizer: {
          jwt: {
            claims: expect.objectContaining({
              username: 'carol',
              iss: 'sanctions-watch-local',
              exp: expect.stringMatching(/^\d+$/),
            }),
            scopes: null,
          },
        },
        caller: { sub: expect.any(String), username: 'carol', groups: [], isAdmin: false },
      });
    }
  });

  it('lets the handler refuse a signed-in non-admin with 403', async () => {
    const { status, json } = await request('POST', '/admin-only', `Bearer ${await identity.issue('carol')}`);

    expect(status).toBe(403);
    expect(json).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/needs an admin/) } });
    expect(adminInvocations).toHaveLength(1);
  });

  it('lets an admin through', async () => {
    const { status, json } = await request(
      'POST',
      '/admin-only',
      `Bearer ${await identity.issue('alice', { admin: true })}`,
    );

    expect(status).toBe(200);
    expect(json).toMatchObject({ caller: { username: 'alice', groups: ['admins'], isAdmin: true } });
  });

  it('ignores the Authorization header on a public route: the handler gets no authorizer context', async () => {
    const { status, json, challenge } = await request(
      'GET',
      '/open',
      `Bearer ${await identity.issue('alice', { admin: true })}`,
    );

    // The handler ran (API Gateway's own 401 has no "error" key) and found no claims.
    expect(status).toBe(401);
    expect(challenge).toBe('Bearer');
    expect(json).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(echoInvocations).toHaveLength(1);
  });
});
