import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { secretFromExtension } from '../../lambdas/adapters/secrets/extension-secret.ts';

/** The Parameters and Secrets extension's local endpoint, as far as a function sees it. */
interface Request {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}
const requests: Request[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const secretArn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:unsubscribe-AbCdEf';

describe('a secret read through the Parameters and Secrets extension', () => {
  beforeAll(() => {
    vi.stubEnv('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', String((server.address() as AddressInfo).port));
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token-1');
  });
  afterEach(() => {
    requests.length = 0;
  });
  afterAll(() => vi.unstubAllEnvs());

  it("asks the extension for the secret with the function's session token, once per process", async () => {
    answer = { status: 200, body: { ARN: secretArn, SecretString: 'the-secret-value' } };
    const secret = secretFromExtension(secretArn);

    expect(await secret()).toBe('the-secret-value');
    expect(await secret()).toBe('the-secret-value');

    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`/secretsmanager/get?secretId=${encodeURIComponent(secretArn)}`);
    expect(requests[0]?.headers['x-aws-parameters-secrets-token']).toBe('session-token-1');
  });

  it('fails when the extension refuses, and asks again on the next use', async () => {
    answer = { status: 400, body: { message: 'not ready' } };
    const secret = secretFromExtension(secretArn);

    await expect(secret()).rejects.toThrow(/answered 400/);
    answer = { status: 200, body: { SecretString: 'later' } };
    expect(await secret()).toBe('later');
    expect(requests).toHaveLength(2);
  });

  it('fails on an answer without a secret string', async () => {
    answer = { status: 200, body: { SecretBinary: 'AAAA' } };

    await expect(secretFromExtension(secretArn)()).rejects.toThrow(/no SecretString/);
  });
});
