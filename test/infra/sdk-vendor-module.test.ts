import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../lib/lambda-bundling.ts';
import { importingFromVendor, sdkImportsOf, unusedSdkImports, VENDOR_MODULE } from '../../lib/sdk-vendor-module.ts';
import { mapSources } from './map-sources.ts';

describe("a function's SDK imports, read from its minified bundle", () => {
  it('are the names each package is imported for, whatever local name the bundle gives them', () => {
    const bundle =
      'import{DynamoDBClient as a}from"@aws-sdk/client-dynamodb";var x=1;import{GetCommand as b,PutCommand}from"@aws-sdk/lib-dynamodb";import{GetCommand as c}from"@aws-sdk/lib-dynamodb";';

    expect(sdkImportsOf(bundle, 'fixture')).toEqual(
      new Map([
        ['@aws-sdk/client-dynamodb', new Set(['DynamoDBClient'])],
        ['@aws-sdk/lib-dynamodb', new Set(['GetCommand', 'PutCommand'])],
      ]),
    );
  });

  it('are none in a bundle that uses no SDK', () => {
    expect(sdkImportsOf('import{randomUUID as a}from"node:crypto";export{a as handler};', 'fixture').size).toBe(0);
  });

  it('fail the build in a form vendor.mjs cannot provide, naming the package', () => {
    expect(() => sdkImportsOf('import*as s from"@aws-sdk/client-sns";', 'the fixture')).toThrow(
      /the fixture imports the AWS SDK in a form vendor\.mjs cannot provide.*: @aws-sdk\/client-sns$/,
    );
  });

  it('fail the build where two packages would give vendor.mjs the same name', () => {
    expect(() =>
      sdkImportsOf('import{Thing as a}from"@aws-sdk/client-one";import{Thing as b}from"@aws-sdk/client-two";', 'x'),
    ).toThrow('x imports Thing from both @aws-sdk/client-one and @aws-sdk/client-two');
  });
});

describe('a bundle pointed at vendor.mjs', () => {
  const bundle =
    'import{SNSClient as a}from"@aws-sdk/client-sns";var b=()=>new a;import{GetCommand as c}from"@aws-sdk/lib-dynamodb";export{b as handler};';

  it('imports the SDK from ./vendor.mjs only', () => {
    const pointed = importingFromVendor(bundle);

    expect(pointed).not.toContain('@aws-sdk');
    expect(pointed.match(/from"\.\/vendor\.mjs" *;/g)).toHaveLength(2);
  });

  it('keeps every other character where it was, so its source map still holds', () => {
    const pointed = importingFromVendor(bundle);

    expect(pointed).toHaveLength(bundle.length);
    for (const code of ['var b=()=>new a;', 'export{b as handler};'])
      expect(pointed.indexOf(code), code).toBe(bundle.indexOf(code));
  });

  it('refuses a package name shorter than the path that would replace it', () => {
    expect(() => importingFromVendor('import{A as a}from"@smithy/ab";')).toThrow(/shorter than "\.\/vendor\.mjs"/);
  });
});

describe('SDK imports a function does not use', () => {
  it('are found in its readable bundle, each with the module it is in', () => {
    const readable = [
      '// lambdas/adapters/used.ts',
      'import { GetCommand } from "@aws-sdk/lib-dynamodb";',
      'var get = () => new GetCommand({});',
      '// lambdas/aws-dependencies.ts',
      'import {',
      '  SQSClient,',
      '  SNSClient as SNSClient2',
      '} from "@aws-sdk/client-sqs";',
      'export { get as handler };',
    ].join('\n');

    expect(unusedSdkImports(readable)).toEqual([
      'SQSClient from @aws-sdk/client-sqs in lambdas/aws-dependencies.ts',
      'SNSClient from @aws-sdk/client-sqs in lambdas/aws-dependencies.ts',
    ]);
  });

  it('are none where every import is used', () => {
    expect(unusedSdkImports('import { GetCommand } from "@aws-sdk/lib-dynamodb";\nnew GetCommand({});')).toEqual([]);
  });
});

describe('bundling a function: index.mjs, and the SDK it uses in vendor.mjs', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sdk-vendor-module-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('puts exactly what the function imports of the SDK in vendor.mjs, and none of it in index.mjs', async () => {
    const outdir = path.join(work, 'uses-the-sdk');
    await bundleFunction('test/fixtures/logs-a-config-error.ts', outdir, { logLevel: 'error' });
    const index = readFileSync(path.join(outdir, 'index.mjs'), 'utf8');
    const vendor = readFileSync(path.join(outdir, VENDOR_MODULE), 'utf8');
    const sourcesOf = (file: string): string[] => mapSources(path.join(outdir, file));

    expect(index).toMatch(/import\{DynamoDBClient as \w+\}from"\.\/vendor\.mjs" +;/);
    expect(sourcesOf('index.mjs').filter((source) => /node_modules\/@(aws-sdk|smithy)\//.test(source))).toEqual([]);
    expect(vendor).toMatch(/export\{\w+ as DynamoDBClient\};/);
    expect(sourcesOf(VENDOR_MODULE).filter((source) => !source.includes('node_modules/'))).toEqual([]);
    expect(sourcesOf(VENDOR_MODULE)).toContainEqual(expect.stringContaining('node_modules/@aws-sdk/client-dynamodb/'));
  });

  it('makes no vendor.mjs for a function that uses no SDK', async () => {
    const outdir = path.join(work, 'no-sdk');
    await bundleFunction('test/fixtures/echo-caller.ts', outdir, { logLevel: 'error' });

    expect(existsSync(path.join(outdir, 'index.mjs'))).toBe(true);
    expect(existsSync(path.join(outdir, VENDOR_MODULE))).toBe(false);
  });

  it('fails where the function imports a client it does not use, naming the import and its module', async () => {
    await expect(
      bundleFunction('test/fixtures/imports-an-unused-client.ts', path.join(work, 'unused'), { logLevel: 'silent' }),
    ).rejects.toThrow(
      /SDK imports a function does not use.*\n.*SQSClient from @aws-sdk\/client-sqs in test\/fixtures\/sdk-clients\.ts/,
    );
  });
});
