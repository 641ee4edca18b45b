import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, openLocalIdentity } from '../../local/local-identity.ts';

const directories: string[] = [];
const freshDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-identity-'));
  directories.push(directory);
  return directory;
};
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

const payloadOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** Signs arbitrary claims with the directory's own key, to show the checks beyond the signature. */
const signWithStoredKey = async (directory: string, claims: Record<string, unknown>) => {
  const [file] = readdirSync(directory);
  const key = await importJWK(JSON.parse(readFileSync(join(directory, file ?? ''), 'utf8')) as JWK, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('someone')
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(key);
};

describe('LocalIdentity', () => {
  it("issues a Cognito-shaped access token and verifies it into API Gateway's string claims", async () => {
    const identity = await openLocalIdentity(freshDirectory());

    const claims = await identity.verify(await identity.issue('alice', { admin: true }));

    expect(claims).toEqual({
      sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      username: 'alice',
      'cognito:groups': '[admins]',
      iss: LOCAL_ISSUER,
      client_id: LOCAL_CLIENT_ID,
      token_use: 'access',
      iat: expect.stringMatching(/^\d+$/),
      exp: expect.stringMatching(/^\d+$/),
      jti: expect.any(String),
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(12 * 60 * 60);
  });

  it('gives a user no groups claim unless they are an admin, and honours the lifetime asked for', async () => {
    const identity = await openLocalIdentity(freshDirectory());

    const claims = await identity.verify(await identity.issue('bob', { ttlSeconds: 90 }));

    expect(claims).not.toHaveProperty('cognito:groups');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(90);
  });

  it('derives the same sub for the same user every time, and different subs for different users', async () => {
    const directory = freshDirectory();
    const first = await openLocalIdentity(directory);
    const second = await openLocalIdentity(freshDirectory());

    const alice = payloadOf(await first.issue('alice')).sub;

    expect(payloadOf(await first.issue('alice', { admin: true })).sub).toBe(alice);
    expect(payloadOf(await second.issue('alice')).sub).toBe(alice);
    expect(payloadOf(await first.issue('alicia')).sub).not.toBe(alice);
  });

  it("keeps its key in the directory, so another instance on it accepts the first one's tokens", async () => {
    const directory = freshDirectory();
    const token = await (await openLocalIdentity(directory)).issue('alice');

    const reopened = await openLocalIdentity(directory);

    await expect(reopened.verify(token)).resolves.toMatchObject({ username: 'alice' });
  });

  it('agrees on one key when two instances start together on an empty directory', async () => {
    const directory = freshDirectory();
    const [first, second] = await Promise.all([openLocalIdentity(directory), openLocalIdentity(directory)]);

    await expect(second.verify(await first.issue('alice'))).resolves.toMatchObject({ username: 'alice' });
    expect(readdirSync(directory)).toHaveLength(1);
  });

  it('refuses a token signed by another key', async () => {
    const identity = await openLocalIdentity(freshDirectory());
    const stranger = await openLocalIdentity(freshDirectory());

    await expect(identity.verify(await stranger.issue('alice', { admin: true }))).rejects.toThrow(/signature/);
  });

  it('refuses a token whose payload was edited to add a group', async () => {
    const identity = await openLocalIdentity(freshDirectory());
    const [header, payload, signature] = (await identity.issue('mallory')).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] })).toString('base64url');

    await expect(identity.verify([header, edited, signature].join('.'))).rejects.toThrow(/signature/);
  });

  it('refuses an expired token', async () => {
    const directory = freshDirectory();
    const yesterday = await openLocalIdentity(directory, () => new Date(Date.now() - 24 * 60 * 60 * 1000));
    const today = await openLocalIdentity(directory);

    await expect(today.verify(await yesterday.issue('alice'))).rejects.toThrow(/exp/);
  });

  it.each([
    [
      'another issuer',
      { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other', client_id: LOCAL_CLIENT_ID },
      /iss/,
    ],
    ['another client', { iss: LOCAL_ISSUER, client_id: 'another-client' }, /another client/],
    [
      'an audience not ours, whatever its client_id',
      { iss: LOCAL_ISSUER, aud: 'another-client', client_id: LOCAL_CLIENT_ID },
      /another client/,
    ],
  ])('refuses a correctly signed token for %s', async (_case, claims, reason) => {
    const directory = freshDirectory();
    const identity = await openLocalIdentity(directory);

    await expect(identity.verify(await signWithStoredKey(directory, claims))).rejects.toThrow(reason);
  });

  it('accepts a token for its client named in aud, as API Gateway does for ID tokens', async () => {
    const directory = freshDirectory();
    const identity = await openLocalIdentity(directory);

    await expect(
      identity.verify(await signWithStoredKey(directory, { iss: LOCAL_ISSUER, aud: LOCAL_CLIENT_ID })),
    ).resolves.toMatchObject({
      aud: LOCAL_CLIENT_ID,
    });
  });

  it.each([
    ['a space in the user name', 'alice smith', {}],
    ['a lifetime of 0', 'alice', { ttlSeconds: 0 }],
  ])('will not issue a token with %s', async (_case, user, options) => {
    const identity = await openLocalIdentity(freshDirectory());

    await expect(identity.issue(user, options)).rejects.toThrow();
  });
});
