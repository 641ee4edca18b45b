// First, so that it runs before the logger is created.
import '../local/default-log-level.ts';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalRuntime } from '../local/runtime.ts';

/** `npm start`: runs the service locally. `--fresh` starts with an empty database. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = 'usage: npm start -- [--fresh] [--port N] [--data DIR] [--check-every MINUTES]\n  PORT in the environment works too; data defaults to .local/dynamodb; the deadline check runs at start and every 60 minutes';

const parseOptions = () => {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean', default: false },
        port: { type: 'string' },
        'check-every': { type: 'string', default: '60' },
        data: { type: 'string', default: resolve(projectRoot, '.local', 'dynamodb') },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const rawPort = values.port ?? process.env.PORT ?? '3000';
    const port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_535) throw new Error(`--port must be a port number (1-65535), got "${rawPort}"`);
    const checkEvery = Number(values['check-every']);
    if (!/^\d+$/.test(values['check-every']) || checkEvery < 1) throw new Error(`--check-every must be a whole number of minutes, got "${values['check-every']}"`);
    return { fresh: values.fresh, port, dataDirectory: resolve(values.data), checkEveryMinutes: checkEvery, help: values.help };
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
const outboxFile = resolve(projectRoot, '.local', 'outbox.jsonl');
const checkpointFile = `${dataDirectory}-stream-checkpoints.json`;
if (options.fresh) {
  // The stream positions and the outbox's subscriptions only make sense with the data they belong to.
  for (const path of [dataDirectory, checkpointFile, checkpointFile.replace(/\.json$/, '-dispatch.json'), outboxFile, outboxFile.replace(/\.jsonl$/, '.state.json')]) {
    rmSync(path, { recursive: true, force: true });
  }
}

console.log('Starting DynamoDB Local ...');
const runtime = await startLocalRuntime({
  projectRoot,
  port: options.port,
  dataDirectory,
  checkEveryMs: options.checkEveryMinutes * 60_000,
  // Kept beside the database: the stream position is only meaningful for the data it read.
  streamCheckpointFile: checkpointFile,
  streamFailureFile: `${dataDirectory}-stream-failures.jsonl`,
  outboxFile,
  deliveryFailureFile: resolve(projectRoot, '.local', 'delivery-failures.jsonl'),
  onCheck: ({ at, result, error }) =>
    console.log(error ? `Deadline check as of ${at.toISOString()} failed: ${String(error)}` : `Deadline check as of ${at.toISOString()}: ${result?.emitted ?? 0} new alert events`),
}).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const adminToken = await runtime.issueToken('admin', { admin: true });
console.log(`
sanctions-watch is running locally.
  API           ${runtime.apiUrl}
  DynamoDB      ${runtime.dynamoDbEndpoint} (table ${runtime.tableName}, data in ${dataDirectory})
  Reference     ${runtime.seeded.created.length} seeded, ${runtime.seeded.existing.length} already there (obligations and metrics)
  Checks        the deadline check and the delivery job run now and every ${options.checkEveryMinutes} minutes
  Outbox        ${outboxFile} (email and SMS land here instead of SNS; alerts go out after the 60 s grouping window)
  Admin token   ADMIN_TOKEN=${adminToken}
                (another: npm run -s token -- <user> [--admin])

Try:
  curl ${runtime.apiUrl}/states/RU
  curl '${runtime.apiUrl}/status?asOf=2019-12-16&obligation=2397-p8-midterm&group=africa'
  curl -X PUT ${runtime.apiUrl}/states/RU/figures/work-permits.valid -H "authorization: Bearer $ADMIN_TOKEN" \\
       -d '{"value": 11490, "asOf": "2018-12-31", "source": {"kind": "un-report", "ref": "Russia midterm report"}}'
  curl '${runtime.apiUrl}/alerts?type=report.overdue&limit=5'
  curl -X POST ${runtime.apiUrl}/watches -H "authorization: Bearer $ADMIN_TOKEN" \\
       -d '{"name": "Africa overdue", "target": {"groups": ["africa"]}, "events": ["report.overdue", "report.received"], "channel": {"email": "you@example.org"}}'
       (then open the confirmation link printed from the outbox)

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
