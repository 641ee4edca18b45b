import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/contracts/routes.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import { esbuildOptions, projectRoot } from '../../lib/lambda-bundling.ts';
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

/** Every file of an asset directory, as text: the bundle and its source map. */
const assetText = (directory: string): string =>
  readdirSync(directory)
    .map((file) => readFileSync(path.join(directory, file), 'utf8'))
    .join('\n');

useSynthesizedStack();

/** Every function's bundle directory in the assembly, by construct path. */
const functionBundles = (): { readonly name: string; readonly text: string }[] =>
  stack.node
    .findAll()
    .filter((construct): construct is BaseFunction => construct instanceof BaseFunction)
    .map((fn) => ({ name: fn.node.path, text: assetText(bundleDirectory(fn)) }));

describe('the synthesized Lambda assets', () => {
  it("are there for every function: one per route, the catch-all route's, the seed, the migrations, the deadline check, the stream consumers, the delivery pipeline, the hourly jobs (delivery, sources), SES's feedback, the SMS spend limit and the admins' MFA check", () => {
    expect(functionBundles()).toHaveLength(routes.length + 16);
  });

  it('hold none of the local outbox or its fault injection', () => {
    const offending = functionBundles()
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
    const senders = [
      ...routes.filter((route) => route.notifies).map((route) => `SanctionsWatch/RouteFunctions/${route.id}`),
      'SanctionsWatch/Delivery/SmsSender/Handler',
      'SanctionsWatch/AlertEvents/Publisher/Handler',
      'SanctionsWatch/Migrations/Runner/Handler',
      'SanctionsWatch/SmsSpendLimit/Handler',
    ];
    const withSns = functionBundles()
      .filter(({ text }) => text.includes(snsClient))
      .map(({ name }) => name);

    expect(withSns.sort()).toEqual(senders.sort());
  });

  it('carry the SQS client only in the delivery pipeline, which sends to its queues and parks the jobs that failed for good, in the hourly job, which queues its digests and repeats for the senders, and in the migrations, which hand a run on through their queue: not in the routes that send a test message themselves, which log what fails', () => {
    const withSqs = functionBundles()
      .filter(({ text }) => text.includes(sqsClient))
      .map(({ name }) => name);

    expect(withSqs.sort()).toEqual(
      [
        'SanctionsWatch/Delivery/Announcer/Handler',
        'SanctionsWatch/Delivery/Planner/Handler',
        'SanctionsWatch/Delivery/ShardWorkers/Handler',
        'SanctionsWatch/Delivery/EmailSender/Handler',
        'SanctionsWatch/Delivery/SmsSender/Handler',
        'SanctionsWatch/ScheduledDelivery/Handler',
        'SanctionsWatch/Migrations/Runner/Handler',
      ].sort(),
    );
  });

  it('carry the SES client only in the functions that send email: the email sender and the notifying functions', () => {
    const senders = [
      ...routes.filter((route) => route.notifies).map((route) => `SanctionsWatch/RouteFunctions/${route.id}`),
      'SanctionsWatch/Delivery/EmailSender/Handler',
    ];
    const withSes = functionBundles()
      .filter(({ text }) => text.includes(sesClient))
      .map(({ name }) => name);

    expect(withSes.sort()).toEqual(senders.sort());
  });

  it('would show it: the SES sender, bundled as the functions are, holds the marker', async () => {
    const { outputFiles } = await build({
      ...esbuildOptions,
      entryPoints: [path.join(projectRoot, 'lambdas/adapters/ses/ses-email-sender.ts')],
      outfile: 'index.mjs',
      write: false,
      logLevel: 'silent',
    });

    expect(outputFiles.map((file) => file.text).join('\n')).toContain(sesClient);
  });
});
