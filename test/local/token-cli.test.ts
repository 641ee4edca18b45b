import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalIdentity } from '../../local/local-identity.ts';
import { runScript } from '../support/run-script.ts';

const identityDirectory = mkdtempSync(join(tmpdir(), 'sanctions-watch-token-'));
afterAll(() => rmSync(identityDirectory, { recursive: true, force: true }));

/** Runs `bin/token.ts` as `npm run token` does, against the temporary key directory. */
const runToken = (args: string[]) => runScript('bin/token.ts', [...args, '--identity-dir', identityDirectory]);

describe('npm run token', () => {
  it("prints only a token, which the key directory verifies as an admin's", async () => {
    const { code, stdout, stderr } = await runToken(['alice', '--admin']);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = await (await openLocalIdentity(identityDirectory)).verify(stdout.trim());
    expect(claims).toMatchObject({ username: 'alice', 'cognito:groups': '[admins]', token_use: 'access' });
  });

  it("issues a plain user's token with the lifetime asked for", async () => {
    const { code, stdout } = await runToken(['bob', '--ttl', '60']);

    expect(code).toBe(0);
    const claims = await (await openLocalIdentity(identityDirectory)).verify(stdout.trim());
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
  });

  it.each([
    [[], /Name exactly one user/],
    [['alice', 'bob'], /Name exactly one user/],
    [['alice', '--ttl', 'soon'], /--ttl must be a whole number/],
    [['alice', '--ttl', '0'], /--ttl must be a whole number/],
    [['alice', '--root'], /Unknown option '--root'/],
    [['alice smith'], /one word with no spaces/],
  ])('refuses %j with a message on stderr and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runToken(args);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: npm run -s token');
  });
});
