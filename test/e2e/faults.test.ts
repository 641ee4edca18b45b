import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../local/free-port.ts';
import { localClientConfig } from '../../local/local-credentials.ts';
import { INJECTED_FAULTS_ENV } from '../../local/outbox/injected-faults.ts';
import { type OutboxEntry, readOutbox } from '../../local/outbox/outbox-sender.ts';
import { localQueueAddressesFile, readQueueAddresses } from '../../local/queues/queue-addresses.ts';
import { runCli } from '../cli/run-cli.ts';
import { confirmByMail } from '../support/confirmation-mail.ts';
import {
  type ServiceGroup,
  type StartedService,
  serviceGroup,
  startService,
  stopServices,
  waitFor,
} from '../support/local-service.ts';

/**
 * The service as `npm start` runs it, in its own process, made to fail as a deployment can: killed
 * (SIGKILL, no clean-up) in the middle of dispatching a checker run, throttled by the notifier, or
 * refused for good until `sanctions-watch redrive` replays what was parked.
 * The data directory, the stream checkpoints, the queues and the outbox survive, as the table, the
 * event source mapping's position, SQS and SNS do in AWS. Each test starts from its own copy of the
 * service as the set-up left it (three confirmed watches), on its own port, so no test inherits
 * another's crash and the tests run side by side: most of their time is spent waiting out the
 * 30 s after which a crashed or throttled job comes back.
 */
const setUp = mkdtempSync(join(tmpdir(), 'sanctions-watch-faults-'));
const contacts = ['ana@example.org', 'bo@example.org', 'cy@example.org'];
let adminToken: string;
let userToken: string;

/**
 * Each start's own check runs as of early March 2019, so the checks the tests ask for are news; the
 * grouping window holds a whole check run (DynamoDB Local takes seconds to store one, over 6 s on a
 * busy machine), so the injected crash mostly comes after the check has answered (see `check`).
 */
const serviceArgs = (directory: string, port: number) => [
  '--port',
  String(port),
  '--data',
  join(directory, 'dynamodb'),
  '--outbox',
  join(directory, 'outbox.jsonl'),
  '--no-sample',
  '--check-every',
  '1440',
  '--grouping-window',
  '15',
  // A job held by the killed process, or throttled, comes back after 30 s instead of AWS's minutes.
  // Each function gets 30 s too: a sender starts no job with under 10 s left, and on a loaded
  // machine a 15 s run could hand every job back unstarted, time after time.
  '--retry-after',
  '30',
  '--clock',
  '2019-03-01',
];
/** The services warn and err as `npm start` does (the tests' own logs are silenced), for a failed test's report. */
const serviceEnv = (plan?: string) => ({
  ...process.env,
  LOG_LEVEL: 'WARN',
  ...(plan === undefined ? {} : { [INJECTED_FAULTS_ENV]: plan }),
});
const withFaults = (plan: string) => serviceEnv(plan);

const callOn = (port: number) => async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

/**
 * How many times each contact was told each alert event of this news, over all its messages, one
 * row per contact. By event, not by message: on a loaded machine DynamoDB Local can take longer
 * than the grouping window to store a check's events, and the late ones then go out as a second
 * message of the wave (as designed), which a count of messages would take for a duplicate. The news
 * is found by the text, not the subject: a test's check also announces what the copied set-up never
 * saw (the midterm's overdue states), which comes first in the subject.
 */
const timesToldIn = (outbox: readonly OutboxEntry[], news: RegExp): number[][] => {
  const alerts = outbox.filter((entry) => entry.eventIds.length > 0);
  const eventIds = [...new Set(alerts.filter((entry) => news.test(entry.text)).flatMap((entry) => entry.eventIds))];
  return contacts.map((to) =>
    eventIds.map((id) => alerts.filter((entry) => entry.to === to && entry.eventIds.includes(id)).length),
  );
};

/** Every alert in a run's outbox is its own check's news: the set-up only confirmed addresses. */
const anyNews = /./;

/** Whether the service exits (its injected crash) within `ms`. */
const crashedWithin = async (service: StartedService, ms: number): Promise<boolean> =>
  Promise.race([service.exited.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), ms))]);

/** One test's copy of the set-up: its directory, port and services, and what its outbox says. */
const faultRun = (services: ServiceGroup) => {
  const directory = mkdtempSync(join(tmpdir(), 'sanctions-watch-faults-'));
  cpSync(setUp, directory, { recursive: true });
  /**
   * Each start listens on a port free at that moment: a crashed service's port stays free for the
   * tens of seconds until its restart, and another test's services may take it meanwhile (once in CI).
   */
  let port = 0;
  const timesTold = (news: RegExp) => timesToldIn(readOutbox(join(directory, 'outbox.jsonl')), news);
  const call: ReturnType<typeof callOn> = (...request) => callOn(port)(...request);
  return {
    directory,
    start: async (env: NodeJS.ProcessEnv) => {
      port = await freePort();
      return services.start(serviceArgs(directory, port), env);
    },
    /**
     * Runs the deadline check as of `at`, as an admin would. Four services starting at once on a
     * loaded machine can take a check past its function's 29 s, and the answer is then a 504: the
     * check is asked again, as it stores each event once whatever the re-runs. A service planned to
     * crash (`crashing`) may die before it answers, once the news is on its way: that is no failure.
     * Any other answer fails the test with what the services logged, which CI shows beside it.
     */
    check: async (at: string, crashing?: StartedService): Promise<void> => {
      const refused: string[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        const answer = await call('POST', '/checks', adminToken, { at }).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        );
        if (answer instanceof Error) {
          if (crashing && (await crashedWithin(crashing, 10_000))) return;
          refused.push(String(answer.cause ?? answer));
          break;
        }
        if (answer.status === 200) return;
        refused.push(`${answer.status} ${JSON.stringify(answer.json)}`);
        if (answer.status !== 504) break;
      }
      const logged = services
        .outputs(20_000)
        .split('\n')
        .filter((line) => /"level":"(WARN|ERROR)"|failed|Error/.test(line));
      throw new Error(
        `POST /checks answered ${refused.join(', then ')}; the services logged:\n${logged.slice(-30).join('\n')}`,
      );
    },
    /** Every contact was told every event of the news at least once (and there was news). */
    everyoneTold: (news: RegExp): boolean => {
      const told = timesTold(news);
      return told.flat().length > 0 && told.every((row) => row.every((times) => times > 0));
    },
    /** The distinct numbers of times an event of the news reached a contact: [1] when each was told once. */
    toldCounts: (news: RegExp): number[] => [...new Set(timesTold(news).flat())].sort((a, b) => a - b),
  };
};

/** Each test gets its own run, whose services are stopped (and shown, if it failed) when it ends. */
const it = test.extend<{ run: ReturnType<typeof faultRun> }>({
  run: async ({ onTestFailed }, use) => {
    const services = serviceGroup();
    const run = faultRun(services);
    onTestFailed(() => console.error(services.outputs()));
    await use(run);
    await services.stop();
    rmSync(run.directory, { recursive: true, force: true });
  },
});

beforeAll(async () => {
  const port = await freePort();
  const call = callOn(port);
  const service = await startService([...serviceArgs(setUp, port), '--fresh']);
  adminToken = /ADMIN_TOKEN=(\S+)/.exec(service.output())?.[1] ?? '';
  userToken = /USER_TOKEN=(\S+)/.exec(service.output())?.[1] ?? '';
  for (const email of contacts) {
    expect(
      (
        await call('POST', '/watches', userToken, {
          target: { groups: ['africa'] },
          events: ['report.overdue', 'deadline.passed'],
          channel: { email },
        })
      ).status,
    ).toBe(201);
    expect((await confirmByMail(join(setUp, 'outbox.jsonl'), email)).status).toBe(200);
  }
  service.child.kill('SIGINT');
  await service.exited;
}, 120_000);
afterAll(async () => {
  await stopServices();
  rmSync(setUp, { recursive: true, force: true });
});

describe.concurrent('faults while delivering (npm start in its own process)', () => {
  it('throttled by the notifier for a while: messages are retried, then each sent once', async ({ run, expect }) => {
    const throttled = await run.start(withFaults('throttle:5'));
    await run.check('2019-03-23T06:00:00Z');
    await waitFor(() => run.everyoneTold(/Midterm report/), 120_000);
    await new Promise((done) => setTimeout(done, 4000));
    expect(run.toldCounts(/Midterm report/)).toEqual([1]);
    throttled.child.kill('SIGINT');
    expect(await throttled.exited).toBe(0);
  }, 300_000);
  it('killed just before the first message goes out, then restarted: every contact gets its message once', async ({
    run,
    expect,
  }) => {
    const crashing = await run.start(withFaults('crash-before:1'));
    await run.check('2019-12-23T06:00:00Z', crashing);
    expect(await crashing.exited).toBeNull();
    expect(run.toldCounts(/Deadline passed/)).toEqual([]);

    const restarted = await run.start(serviceEnv());
    await waitFor(() => run.everyoneTold(/Deadline passed/), 120_000);
    // Time for anything a redelivered batch would send twice to show.
    await new Promise((done) => setTimeout(done, 4000));
    expect(run.toldCounts(/Deadline passed/)).toEqual([1]);
    restarted.child.kill('SIGINT');
    expect(await restarted.exited).toBe(0);
  }, 300_000);

  it('killed right after a message went out, before it was recorded, then restarted: everyone is told, twice at most (the documented window)', async ({
    run,
    expect,
  }) => {
    const crashing = await run.start(withFaults('crash-after:1'));
    await run.check('2020-03-23T06:00:00Z', crashing);
    expect(await crashing.exited).toBeNull();
    // The message that went out before the crash. Its events are whichever of the check's news was
    // stored first: on a loaded machine the check outlasts the grouping window, and the final
    // report's events then come in a later message of the wave.
    expect(run.toldCounts(anyNews)).toContain(1);

    const restarted = await run.start(serviceEnv());
    // The crashed job comes back only once its queue message is visible again, which on a loaded
    // machine can be after every other contact's message went out: wait for its resend too.
    await waitFor(
      () => run.everyoneTold(/Final report/) && run.everyoneTold(anyNews) && run.toldCounts(anyNews).includes(2),
      120_000,
    );
    await new Promise((done) => setTimeout(done, 4000));
    const counts = run.toldCounts(anyNews);
    expect(counts).toContain(2);
    expect(counts.every((times) => times === 1 || times === 2)).toBe(true);
    restarted.child.kill('SIGINT');
    expect(await restarted.exited).toBe(0);
  }, 300_000);

  it('refused for good, parked with their jobs, then redriven once the cause is fixed: each contact gets its message once', async ({
    run,
    expect,
  }) => {
    const service = await run.start(withFaults('refuse:3'));
    await run.check('2019-03-23T06:00:00Z');
    const addresses = readQueueAddresses(localQueueAddressesFile(join(run.directory, 'dynamodb')));
    const sqs = new SQSClient({ ...localClientConfig, endpoint: addresses.endpoint ?? '' });
    const parked = async () => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: addresses.failures,
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return Number(Attributes.ApproximateNumberOfMessages);
    };
    for (const started = Date.now(); (await parked()) < 3; ) {
      if (Date.now() - started > 120_000) throw new Error('the three refusals were not parked within 120 s');
      await new Promise((done) => setTimeout(done, 500));
    }
    expect(run.toldCounts(/Midterm report/)).toEqual([]);

    // The cause is fixed (the fault refuses only the first three sends): replay them.
    const redriven = await runCli([
      'redrive',
      '--queue',
      'failures',
      '--queues',
      localQueueAddressesFile(join(run.directory, 'dynamodb')),
    ]);
    expect({ code: redriven.code, stderr: redriven.stderr }).toEqual({ code: 0, stderr: '' });
    expect(redriven.stdout).toMatch(/^Moved 3 messages\.\n\nFROM +TO +MOVED\ndelivery-failures +email +3\n$/);

    await waitFor(() => run.everyoneTold(/Midterm report/), 120_000);
    await new Promise((done) => setTimeout(done, 4000));
    expect(run.toldCounts(/Midterm report/)).toEqual([1]);
    expect(await parked()).toBe(0);
    sqs.destroy();
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
  }, 300_000);
});
