import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction, esbuildOptions, projectRoot } from '../../lib/lambda-bundling.ts';

const run = promisify(execFile);

/** What the stand-in for SES received. */
interface Received {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

describe('side modules: an SDK client a function needs only on some paths, in a file of its own beside the bundle', () => {
  let directory: string;
  let server: Server;
  let endpoint: string;
  const received: Received[] = [];
  /** How the stand-in answers: SendEmail's success, or SES refusing the message. */
  let answer: 'sent' | 'rejected' = 'sent';

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'side-modules-'));
    await bundleFunction('test/fixtures/sends-one-email.ts', directory, { logLevel: 'error' });
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', body: JSON.parse(body) });
        if (answer === 'sent') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: 'ses-1' }));
        } else {
          response
            .writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' })
            .end(JSON.stringify({ message: 'Email address is not verified.' }));
        }
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    rmSync(directory, { recursive: true, force: true });
  });

  const bundle = () => path.join(directory, 'index.mjs');
  const sideModule = () => path.join(directory, 'ses-calls.mjs');

  /** The bundle in a Node of its own, as Lambda runs it: imported, then (unless `importOnly`) its handler called once; what it logged. */
  const invoke = async (
    importOnly = false,
  ): Promise<{ message: string; messageId?: string; error?: { stack: string } }[]> => {
    const script = `const { handler } = await import(process.argv[1]); ${importOnly ? '' : 'await handler();'}`;
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script, pathToFileURL(bundle()).href],
      {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_REGION: 'eu-west-1',
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          AWS_ENDPOINT_URL: endpoint,
        },
      },
    );
    return stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { message: string; messageId?: string; error?: { stack: string } });
  };

  it('leave the client out of the bundle and put it in the side module, which the bundle imports by its file', () => {
    const bundleText = readFileSync(bundle(), 'utf8');

    expect(bundleText).not.toContain('SimpleEmailService_v2');
    expect(bundleText).toContain('import("./ses-calls.mjs")');
    expect(readFileSync(sideModule(), 'utf8')).toContain('SimpleEmailService_v2');
  });

  it('are not read at a cold start: the bundle loads without the file, and only the call that needs it misses it', async () => {
    renameSync(sideModule(), `${sideModule()}.away`);
    try {
      await expect(invoke(true)).resolves.toEqual([]);

      const [logged] = await invoke();
      expect(logged?.message).toBe('send failed');
      expect(logged?.error?.stack).toContain('ses-calls.mjs');
      expect(received).toEqual([]);
    } finally {
      renameSync(`${sideModule()}.away`, sideModule());
    }
  });

  it('are read by the first call that needs them, whose request the client then sends', async () => {
    answer = 'sent';
    received.length = 0;

    expect(await invoke()).toEqual([expect.objectContaining({ message: 'sent', messageId: 'ses-1' })]);
    expect(received).toEqual([
      {
        method: 'POST',
        url: '/v2/email/outbound-emails',
        body: expect.objectContaining({
          FromEmailAddress: 'alerts@example.org',
          Destination: { ToAddresses: ['ana@example.org'] },
        }),
      },
    ]);
  });

  it("carry their own map, so a logged stack from inside the client points at the SDK's sources", async () => {
    answer = 'rejected';

    const [logged] = await invoke();

    expect(logged?.message).toBe('send failed');
    expect(logged?.error?.stack).toContain('Email address is not verified.');
    expect(logged?.error?.stack).toMatch(/node_modules\/@(aws-sdk|smithy)\//);
    expect(logged?.error?.stack).not.toContain('ses-calls.mjs:');
  });

  it("are the only dynamic imports a function's code may make: any other fails the build, naming the module", async () => {
    const bundling = build({
      ...esbuildOptions,
      stdin: {
        contents: "export const later = () => import('./core/lazy.ts');",
        resolveDir: path.join(projectRoot, 'lambdas'),
        sourcefile: path.join(projectRoot, 'lambdas', 'a-handler.ts'),
        loader: 'ts',
      },
      write: false,
      outfile: 'index.mjs',
      logLevel: 'silent',
    });

    await expect(bundling).rejects.toThrow('./core/lazy.ts is imported dynamically but is not a side module');
  });
});
