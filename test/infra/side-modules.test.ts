import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_QUEUE_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { bundleFunction, esbuildOptions, projectRoot } from '../../lib/lambda-bundling.ts';

const run = promisify(execFile);

/** What the stand-in for SQS received. */
interface Received {
  readonly target: string | undefined;
  readonly body: unknown;
}

describe('side modules: an SDK client a function needs only on some paths, in a file of its own beside the bundle', () => {
  let directory: string;
  let server: Server;
  let endpoint: string;
  const received: Received[] = [];
  /** How the stand-in answers: SendMessage's success, or SQS not knowing the queue. */
  let answer: 'sent' | 'no-queue' = 'sent';

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'side-modules-'));
    await bundleFunction('test/fixtures/parks-one-failure.ts', directory, { logLevel: 'error' });
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        const sent = JSON.parse(body) as { MessageBody: string };
        received.push({ target: request.headers['x-amz-target']?.toString(), body: sent });
        const json = { 'content-type': 'application/x-amz-json-1.0' };
        if (answer === 'sent') {
          // The client checks the body's MD5 that SQS reports.
          const md5 = createHash('md5').update(sent.MessageBody).digest('hex');
          response.writeHead(200, json).end(JSON.stringify({ MessageId: 'q-1', MD5OfMessageBody: md5 }));
        } else {
          response.writeHead(400, json).end(
            JSON.stringify({
              __type: 'com.amazonaws.sqs#QueueDoesNotExist',
              message: 'The specified queue does not exist.',
            }),
          );
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
  const sideModule = () => path.join(directory, 'sqs-calls.mjs');

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
          [FAILURE_QUEUE_URL_ENV]: `${endpoint}/111122223333/sanctions-watch-delivery-failures`,
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

    expect(bundleText).not.toContain('AmazonSQS');
    expect(bundleText).toContain('import("./sqs-calls.mjs")');
    expect(readFileSync(sideModule(), 'utf8')).toContain('AmazonSQS');
  });

  it('are not read at a cold start: the bundle loads without the file, and only the call that needs it misses it', async () => {
    renameSync(sideModule(), `${sideModule()}.away`);
    try {
      await expect(invoke(true)).resolves.toEqual([]);

      const [logged] = await invoke();
      expect(logged?.message).toBe('parking failed');
      expect(logged?.error?.stack).toContain('sqs-calls.mjs');
      expect(received).toEqual([]);
    } finally {
      renameSync(`${sideModule()}.away`, sideModule());
    }
  });

  it('are read by the first call that needs them, whose request the client then sends', async () => {
    answer = 'sent';
    received.length = 0;

    expect(await invoke()).toEqual([expect.objectContaining({ message: 'parked', messageId: 'q-1' })]);
    expect(received).toEqual([
      {
        target: 'AmazonSQS.SendMessage',
        body: {
          QueueUrl: `${endpoint}/111122223333/sanctions-watch-delivery-failures`,
          MessageBody: '{"code":"misconfigured"}',
        },
      },
    ]);
  });

  it("carry their own map, so a logged stack from inside the client points at the SDK's sources", async () => {
    answer = 'no-queue';

    const [logged] = await invoke();

    expect(logged?.message).toBe('parking failed');
    expect(logged?.error?.stack).toContain('The specified queue does not exist.');
    expect(logged?.error?.stack).toMatch(/node_modules\/@(aws-sdk|smithy)\//);
    expect(logged?.error?.stack).not.toContain('sqs-calls.mjs:');
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
