import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import { esbuildOptions, projectRoot } from '../../lib/lambda-bundling.ts';
import { loadedAtStart, VENDOR_MODULE } from '../../lib/sdk-vendor-module.ts';
import { mapSources } from './map-sources.ts';
import { bundleDirectory, stack, useSynthesizedStack } from './synthesized-stack.ts';

/**
 * Strings that only the local runtime's outbox and its fault injection hold (local/outbox): the
 * crash it injects, the variable that asks for it, the outbox's confirmation link and its echo.
 */
const localOnlyMarkers = ['SIGKILL', 'NOTIFIER_OUTBOX_FAULTS', 'outbox: '];
/** The SDK clients' service ids, which their bundled code carries. */
const snsClient = 'AmazonSimpleNotificationService';
const sqsClient = 'AmazonSQS';
const sesClient = 'SimpleEmailService_v2';

const markersIn = (text: string): string[] => localOnlyMarkers.filter((marker) => text.includes(marker));

useSynthesizedStack();

/** A function's asset: what a cold start loads, what it loads on some paths only (lib/side-modules.ts), and every file as text. */
interface FunctionAsset {
  readonly name: string;
  readonly directory: string;
  readonly files: readonly string[];
  readonly bundle: string;
  readonly sideModules: readonly { readonly file: string; readonly text: string }[];
  readonly text: string;
}

/** Every function's asset directory in the assembly, by construct path. */
const functionAssets = (): FunctionAsset[] =>
  stack.node
    .findAll()
    .filter((construct): construct is BaseFunction => construct instanceof BaseFunction)
    .map((fn) => {
      const directory = bundleDirectory(fn);
      const read = (file: string) => readFileSync(path.join(directory, file), 'utf8');
      const files = readdirSync(directory);
      const loaded = loadedAtStart(directory);
      return {
        name: fn.node.path,
        directory,
        files,
        bundle: loaded.map((file) => readFileSync(file, 'utf8')).join('\n'),
        sideModules: files
          .filter((file) => file.endsWith('.mjs') && !loaded.includes(path.join(directory, file)))
          .map((file) => ({ file, text: read(file) })),
        text: files.map(read).join('\n'),
      };
    });

/** The functions whose bundle carries a client, and those that load it from a side module of their asset. */
const carrying = (marker: string) => ({
  loaded: functionAssets()
    .filter(({ bundle }) => bundle.includes(marker))
    .map(({ name }) => name)
    .sort(),
  onFirstUse: functionAssets()
    .filter(
      ({ bundle, sideModules }) => !bundle.includes(marker) && sideModules.some(({ text }) => text.includes(marker)),
    )
    .map(({ name }) => name)
    .sort(),
});

const notifyingRoutes = routes
  .filter((route) => route.notifies)
  .map((route) => `SanctionsWatch/RouteFunctions/${route.id}`);

describe('the synthesized Lambda assets', () => {
  it("are there for every function: one per route, the catch-all route's, the seed, the migrations, the deadline check, the stream consumers, the delivery pipeline, the hourly jobs (delivery, sources), SES's feedback, the SMS spend limit and the admins' MFA check", () => {
    expect(functionAssets()).toHaveLength(routes.length + 16);
  });

  it('hold none of the local outbox or its fault injection', () => {
    const offending = functionAssets()
      .map(({ name, text }) => ({ name, markers: markersIn(text) }))
      .filter(({ markers }) => markers.length > 0);

    expect(offending).toEqual([]);
  });

  it('would show it: the local composition root, bundled as the functions are, holds every marker', async () => {
    const { outputFiles } = await build({
      ...esbuildOptions,
      entryPoints: [path.join(projectRoot, 'local/local-dependencies.ts')],
      outfile: 'index.mjs',
      write: false,
      logLevel: 'silent',
    });

    expect(markersIn(outputFiles.map((file) => file.text).join('\n'))).toEqual(localOnlyMarkers);
  });

  it('carry the SNS client only in the functions that send SMS (the notifying functions, the SMS sender), the AlertEvents publisher, the migrations (which delete the old contact topics) and the SMS spend limit custom resource', () => {
    expect(carrying(snsClient)).toEqual({
      loaded: [
        ...notifyingRoutes,
        'SanctionsWatch/Delivery/SmsSender/Handler',
        'SanctionsWatch/AlertEvents/Publisher/Handler',
        'SanctionsWatch/Migrations/Runner/Handler',
        'SanctionsWatch/SmsSpendLimit/Handler',
      ].sort(),
      onFirstUse: [],
    });
  });

  it('load the SQS client with the bundle where every invocation sends to a queue (the announcer, the planner, the shard workers, the hourly job), and from a side module where only a backoff, a failure or a long run needs it (the senders, the migrations): never in the routes, which log what fails', () => {
    expect(carrying(sqsClient)).toEqual({
      loaded: [
        'SanctionsWatch/Delivery/Announcer/Handler',
        'SanctionsWatch/Delivery/Planner/Handler',
        'SanctionsWatch/Delivery/ShardWorkers/Handler',
        'SanctionsWatch/ScheduledDelivery/Handler',
      ].sort(),
      onFirstUse: [
        'SanctionsWatch/Delivery/EmailSender/Handler',
        'SanctionsWatch/Delivery/SmsSender/Handler',
        'SanctionsWatch/Migrations/Runner/Handler',
      ].sort(),
    });
  });

  it('carry the SES client only in the functions that send email, the email sender and the notifying routes, in their bundle: a confirmation or a test goes out in the usual run of those routes', () => {
    expect(carrying(sesClient)).toEqual({
      loaded: [...notifyingRoutes, 'SanctionsWatch/Delivery/EmailSender/Handler'].sort(),
      onFirstUse: [],
    });
  });

  it('hold exactly the side modules their bundle imports, each with its map', () => {
    const mismatched = functionAssets()
      .map(({ name, bundle, sideModules, text }) => ({
        name,
        imported: Array.from(bundle.matchAll(/import\("\.\/([\w-]+\.mjs)"\)/g), ([, file]) => file).sort(),
        present: sideModules.map(({ file }) => file).sort(),
        mapped: sideModules.every(({ file }) => text.includes(`//# sourceMappingURL=${file}.map`)),
      }))
      .filter(({ imported, present, mapped }) => !mapped || imported.join() !== present.join());

    expect(mismatched).toEqual([]);
    expect(functionAssets().filter(({ sideModules }) => sideModules.length > 0).length).toBeGreaterThan(0);
  });

  it('keep the AWS SDK in vendor.mjs and all else in index.mjs, which imports it from there: V8 parses them one after the other, in less memory than both at once', () => {
    const sourcesOf = ({ directory }: FunctionAsset, file: string): string[] => mapSources(path.join(directory, file));
    const sdk = /node_modules\/@(aws-sdk|smithy)\//;
    const assets = functionAssets();
    const withVendor = assets.filter(({ files }) => files.includes(VENDOR_MODULE));
    const misplaced = assets.flatMap((asset) => [
      ...sourcesOf(asset, 'index.mjs')
        .filter((source) => sdk.test(source))
        .map((source) => `${asset.name} index.mjs: ${source}`),
      ...(asset.files.includes(VENDOR_MODULE)
        ? sourcesOf(asset, VENDOR_MODULE)
            .filter((source) => !source.includes('node_modules/') || /node_modules\/(zod|@middy)\//.test(source))
            .map((source) => `${asset.name} ${VENDOR_MODULE}: ${source}`)
        : []),
    ]);

    expect(misplaced).toEqual([]);
    expect(withVendor.length).toBeGreaterThan(assets.length - 5);
    expect(
      withVendor.filter(
        ({ directory }) => !readFileSync(path.join(directory, 'index.mjs'), 'utf8').includes('from"./vendor.mjs"'),
      ),
    ).toEqual([]);
  });

  it('load as Lambda loads them: every handler module links with its vendor.mjs and exports a handler', () => {
    const modules = functionAssets().map(({ directory }) => pathToFileURL(path.join(directory, 'index.mjs')).href);
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const broken = []; for (const module of process.argv.slice(1)) { try { if (typeof (await import(module)).handler !== 'function') broken.push(`${module}: no handler`); } catch (error) { broken.push(`${module}: ${error}`); } } console.log(JSON.stringify(broken));",
        ...modules,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' } },
    );

    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('would show it: the SES calls, bundled as the functions are, hold the marker', async () => {
    const { outputFiles } = await build({
      ...esbuildOptions,
      entryPoints: [path.join(projectRoot, 'lambdas/adapters/ses/ses-calls.ts')],
      outfile: 'index.mjs',
      write: false,
      logLevel: 'silent',
    });

    expect(outputFiles.map((file) => file.text).join('\n')).toContain(sesClient);
  });
});
