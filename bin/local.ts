// First, so that it runs before the logger is created.
import '../local/default-log-level.ts';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { customGroupStore } from '../lambdas/adapters/dynamodb/catalogues.ts';
import { type IsoDate, parseIsoDate, utcDateOf } from '../lambdas/core/time/calendar-date.ts';
import { defaultMetricsFile } from '../local/metrics-file.ts';
import { INJECTED_FAULTS_ENV } from '../local/outbox/injected-faults.ts';
import { defaultDataDirectory, localQueueAddressesFile, writeQueueAddresses } from '../local/queues/queue-addresses.ts';
import { replay } from '../local/replay.ts';
import { type LocalRuntime, startLocalRuntime } from '../local/runtime.ts';
import { apiCaller } from '../local/sample/local-api-client.ts';
import { ensureSampleGroup, recordSampleUpTo, sampleRecorded } from '../local/sample/record-sample.ts';
import { sampleRecords } from '../local/sample/sample-data-2019.ts';
import { ensureSampleWatches } from '../local/sample/sample-watches.ts';
import { localStreamAddressesFile, localStreamFailureFile, writeStreamAddresses } from '../local/stream-addresses.ts';

/** `npm start`: runs the service locally, with the 2019 sample data unless told otherwise. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = `usage: npm start -- [--fresh] [--port N] [--data DIR] [--check-every MINUTES] [--grouping-window S] [--retry-after S] [--no-sample] [--clock DATE] [--replay FROM TO]
                           [--sources-from DIR [--auto-accept]]
  --fresh          start with an empty database (and outbox)
  --port           the API's port (PORT in the environment works too; default 3000)
  --data           where DynamoDB Local keeps its files (default .local/dynamodb)
  --check-every    minutes between runs of the deadline check and the delivery job (default 60; both also run at start)
  --outbox FILE    where email and SMS land (default .local/outbox.jsonl; .local/replay/outbox.jsonl for a replay)
                   and, beside it in alert-events.jsonl, the machine feed (the AlertEvents topic's messages)
  --grouping-window SECONDS
                   how long alerts are gathered into one wave, one message per contact (default 60, as in
                   AWS; a replay closes the window as soon as each day's writes are done)
  --retry-after SECONDS
                   how long a delivery job that was handed back (throttled), or held by a process that died,
                   waits before it is tried again (default: as in AWS, 6x each function's timeout)
  --no-sample      skip the 2019 sample data and the two sample watches
  --clock DATE     run the schedules as if today were DATE (YYYY-MM-DD); time moves on from there
  --replay FROM TO step the daily schedule through FROM..TO (YYYY-MM-DD) on an in-memory database, recording
                   the sample facts as they became public; e.g. --replay 2019-03-01 2020-04-01
  --sources-from DIR
                   serve the UN's two document feeds from the recorded files in DIR (test/fixtures/sources)
                   and run the hourly source job against them on the schedule above; its proposals wait at
                   GET /proposals for an admin
  --auto-accept    with --sources-from: accept a proposal with a known state, a known committee and exactly
                   one open obligation due near the note's date without review (autoAccept; off by default)`;

const dateArgument = (name: string, raw: string): IsoDate => {
  const date = parseIsoDate(raw);
  if (date === undefined) throw new Error(`${name} must be a date in the form YYYY-MM-DD, got "${raw}"`);
  return date;
};

const parseOptions = () => {
  try {
    const { values, positionals } = parseArgs({
      options: {
        fresh: { type: 'boolean', default: false },
        port: { type: 'string' },
        'check-every': { type: 'string', default: '60' },
        data: { type: 'string', default: defaultDataDirectory(projectRoot) },
        outbox: { type: 'string' },
        'grouping-window': { type: 'string' },
        'retry-after': { type: 'string' },
        'no-sample': { type: 'boolean', default: false },
        clock: { type: 'string' },
        replay: { type: 'string' },
        'sources-from': { type: 'string' },
        'auto-accept': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const rawPort = values.port ?? process.env.PORT ?? '3000';
    const port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_535)
      throw new Error(`--port must be a port number (1-65535), got "${rawPort}"`);
    const checkEvery = Number(values['check-every']);
    if (!/^\d+$/.test(values['check-every']) || checkEvery < 1)
      throw new Error(`--check-every must be a whole number of minutes, got "${values['check-every']}"`);
    const rawWindow = values['grouping-window'];
    if (rawWindow !== undefined && (!/^\d+(\.\d+)?$/.test(rawWindow) || Number(rawWindow) > 300))
      throw new Error(`--grouping-window must be a number of seconds from 0 to 300, got "${rawWindow}"`);
    const rawRetry = values['retry-after'];
    if (rawRetry !== undefined && (!/^\d+$/.test(rawRetry) || Number(rawRetry) < 3 || Number(rawRetry) > 900))
      throw new Error(`--retry-after must be a whole number of seconds from 3 to 900, got "${rawRetry}"`);
    const replayTo = values.replay === undefined ? undefined : positionals.shift();
    if (values.replay !== undefined && replayTo === undefined) throw new Error('--replay needs two dates: FROM TO');
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0] ?? ''}"`);
    const replayRange =
      values.replay === undefined || replayTo === undefined
        ? undefined
        : { from: dateArgument('--replay FROM', values.replay), to: dateArgument('--replay TO', replayTo) };
    if (replayRange && replayRange.to < replayRange.from)
      throw new Error(`--replay runs forward: ${replayRange.to} is before ${replayRange.from}`);
    if (values['auto-accept'] && values['sources-from'] === undefined)
      throw new Error('--auto-accept needs --sources-from: it is a setting of the source job');
    if (replayRange && values.clock !== undefined)
      throw new Error('--clock and --replay do not go together: a replay sets the days itself');
    return {
      fresh: values.fresh,
      port,
      dataDirectory: resolve(values.data),
      checkEveryMinutes: checkEvery,
      sample: !values['no-sample'],
      outbox: values.outbox === undefined ? undefined : resolve(values.outbox),
      groupingWindowMs: rawWindow === undefined ? undefined : Number(rawWindow) * 1000,
      deliveryRetrySeconds: rawRetry === undefined ? undefined : Number(rawRetry),
      clock: values.clock === undefined ? undefined : dateArgument('--clock', values.clock),
      replay: replayRange,
      sourcesFrom: values['sources-from'] === undefined ? undefined : resolve(values['sources-from']),
      autoAccept: values['auto-accept'],
      help: values.help,
    };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
};

const options = parseOptions();
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const { dataDirectory } = options;
// A replay keeps its own outbox and an in-memory database, so it never mixes with the running service's data.
const outboxFile = options.outbox ?? resolve(projectRoot, '.local', options.replay ? 'replay' : '', 'outbox.jsonl');
const checkpointFile = `${dataDirectory}-stream-checkpoints.json`;
const alertEventsFile = resolve(dirname(outboxFile), 'alert-events.jsonl');
const streamFailureFile = localStreamFailureFile(dataDirectory);
const metricsFile = defaultMetricsFile(outboxFile);
const resets = [outboxFile, outboxFile.replace(/\.jsonl$/, '.state.json'), alertEventsFile, metricsFile];
if (options.fresh) {
  resets.push(
    dataDirectory,
    checkpointFile,
    checkpointFile.replace(/\.json$/, '-announcer.json'),
    `${dataDirectory}-sqs`,
    checkpointFile.replace(/\.json$/, '-alert-events.json'),
    // Batches of the old data's stream: nothing to replay them against.
    streamFailureFile,
  );
}
// The stream positions and the outbox's subscriptions only make sense with the data they belong to.
for (const path of options.fresh || options.replay ? resets : []) rmSync(path, { recursive: true, force: true });

/** `--clock`: the schedules' now, moving on from the given day at the current time of day. */
const offsetMs =
  options.clock === undefined ? 0 : Date.parse(`${options.clock}T${new Date().toISOString().slice(11)}`) - Date.now();
const scheduleClock = () => new Date(Date.now() + offsetMs);

/** The sample subscriber's watches, then the facts known by today, through the API as their users would. */
const seedSample = async (runtime: LocalRuntime): Promise<string> => {
  const admin = apiCaller(runtime.apiUrl, await runtime.issueToken('admin', { admin: true }));
  await ensureSampleGroup(customGroupStore(runtime.documentClient, runtime.tableName));
  const watches = await ensureSampleWatches(
    apiCaller(runtime.apiUrl, await runtime.issueToken('sample-user')),
    runtime.outboxFile,
  );
  if (options.replay) return `${watches} sample watches; facts are recorded as the replay reaches them`;
  if (await sampleRecorded(admin)) return 'sample data already there';
  const facts = await recordSampleUpTo(utcDateOf(scheduleClock()), sampleRecords, admin);
  return `${facts} sample facts and ${watches} sample watches recorded`;
};

console.log(options.replay ? 'Starting DynamoDB Local (in memory, for the replay) ...' : 'Starting DynamoDB Local ...');
let sampleSummary = 'no sample data (--no-sample)';
const runtime = await startLocalRuntime({
  projectRoot,
  port: options.port,
  // Ctrl-C reaches this process, which stops the pollers and then DynamoDB Local, in that order.
  dynamoDbOwnProcessGroup: true,
  ...(options.groupingWindowMs === undefined ? {} : { groupingWindowMs: options.groupingWindowMs }),
  ...(options.deliveryRetrySeconds === undefined ? {} : { deliveryRetrySeconds: options.deliveryRetrySeconds }),
  ...(options.replay
    ? { holdWavesUntilIdle: true }
    : {
        dataDirectory,
        // Beside the database: queued jobs belong to the data they were planned from.
        queueDataDirectory: `${dataDirectory}-sqs`,
        checkEveryMs: options.checkEveryMinutes * 60_000,
        // Kept beside the database: the stream position is only meaningful for the data it read.
        streamCheckpointFile: checkpointFile,
        streamFailureFile,
        scheduleClock,
      }),
  outboxFile,
  alertEventsFile,
  metricsFile,
  // The fault tests' way in: the outbox misbehaves as they ask (see local/outbox/injected-faults.ts).
  injectedFaults: process.env[INJECTED_FAULTS_ENV],
  ...(options.sourcesFrom === undefined
    ? {}
    : { sourceFeeds: { directory: options.sourcesFrom, autoAccept: options.autoAccept } }),
  onSourceCheck: ({ at, result, error }) =>
    console.log(
      error
        ? `Source job as of ${at.toISOString()}: ${String(error)}`
        : `Source job as of ${at.toISOString()}: ${result?.proposals ?? 0} new proposals`,
    ),
  prepare: async (started) => {
    if (options.sample) sampleSummary = await seedSample(started);
  },
  onCheck: ({ at, result, error }) =>
    console.log(
      error
        ? `Deadline check as of ${at.toISOString()} failed: ${String(error)}`
        : `Deadline check as of ${at.toISOString()}: ${result?.emitted ?? 0} new alert events`,
    ),
}).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

writeQueueAddresses(localQueueAddressesFile(dataDirectory), runtime.queueAddresses);
// A replay's database is in memory and its consumers write no failure file: nothing for redrive to replay.
if (!options.replay)
  writeStreamAddresses(localStreamAddressesFile(dataDirectory), {
    dynamoDbEndpoint: runtime.dynamoDbEndpoint,
    tableName: runtime.tableName,
    alertEventsFile: runtime.alertEventsFile,
    failureFile: streamFailureFile,
  });
const adminToken = await runtime.issueToken('admin', { admin: true });
const userToken = await runtime.issueToken('sample-user');
const checks = options.replay
  ? `the replay steps the daily check from ${options.replay.from} to ${options.replay.to}`
  : `the deadline check and the delivery job run now${options.clock ? ` (as of ${options.clock})` : ''} and every ${options.checkEveryMinutes} minutes`;
console.log(`
sanctions-watch is running locally.
  API           ${runtime.apiUrl}
  Board         ${runtime.apiUrl}/board?obligation=2397-p8-midterm&asOf=2019-12-20 (the status board and its map: open it in a browser)
  DynamoDB      ${runtime.dynamoDbEndpoint} (table ${runtime.tableName}${options.replay ? ', in memory' : `, data in ${dataDirectory}`})
  Reference     ${runtime.seeded.created.length} seeded, ${runtime.seeded.existing.length} already there (obligations and metrics)
  Sample        ${sampleSummary}
  Checks        ${checks}
  Sources       ${options.sourcesFrom === undefined ? 'not read (--sources-from DIR serves recorded feeds)' : `the source job reads the feeds recorded in ${options.sourcesFrom} with the checks${options.autoAccept ? ', autoAccept on' : ''}; GET /proposals lists what it found`}
  Outbox        ${runtime.outboxFile} (email and SMS land here instead of SNS${options.replay ? '' : '; alerts go out after the 60 s grouping window'})
  Queues        ${runtime.queueAddresses.endpoint ?? ''} (local SQS; where they are: ${localQueueAddressesFile(dataDirectory)}, read by npx sanctions-watch redrive)
  Machine feed  ${runtime.alertEventsFile} (every alert event with its attributes, as the AlertEvents SNS topic carries it)
  Metrics       ${runtime.metricsFile} (the functions' embedded metric format lines, as CloudWatch Logs would get them)
  Admin token   ADMIN_TOKEN=${adminToken}
  User token    USER_TOKEN=${userToken}   (the sample watches' owner; another: npm run -s token -- <user> [--admin])

Try:
  curl '${runtime.apiUrl}/status?asOf=2019-12-16&obligation=2397-p8-midterm&group=africa'
  curl ${runtime.apiUrl}/watches -H "authorization: Bearer $USER_TOKEN"
  curl -X PUT ${runtime.apiUrl}/states/RU/figures/workers.remaining -H "authorization: Bearer $ADMIN_TOKEN" \\
       -d '{"value": 511, "asOf": "2020-03-01", "source": {"kind": "un-report", "ref": "Russia final report"}}'

Ctrl-C stops everything, DynamoDB Local included.`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping ...`);
  runtime.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

if (options.replay) {
  const admin = apiCaller(runtime.apiUrl, adminToken);
  const { days, events } = await replay({
    ...options.replay,
    records: sampleRecords,
    call: admin,
    settled: () => runtime.streamIdle({ closeWindow: true }),
    print: (line) => console.log(line),
  });
  console.log(
    `\nReplay done: ${days} days, ${events} alert events; messages are in ${runtime.outboxFile}. The service keeps running; Ctrl-C stops it.`,
  );
}
