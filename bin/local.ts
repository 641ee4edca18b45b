import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalRuntime } from '../local/runtime.ts';

/** `npm start`: runs the service locally. `--fresh` starts with an empty database. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = 'usage: npm start -- [--fresh] [--port N] [--data DIR]   (PORT in the environment works too; data defaults to .local/dynamodb)';

const parseOptions = () => {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean', default: false },
        port: { type: 'string' },
        data: { type: 'string', default: resolve(projectRoot, '.local', 'dynamodb') },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const rawPort = values.port ?? process.env.PORT ?? '3000';
    const port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65_535) throw new Error(`--port must be a port number (1-65535), got "${rawPort}"`);
    return { fresh: values.fresh, port, dataDirectory: resolve(values.data), help: values.help };
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
if (options.fresh) rmSync(dataDirectory, { recursive: true, force: true });

console.log('Starting DynamoDB Local ...');
const runtime = await startLocalRuntime({ projectRoot, port: options.port, dataDirectory }).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`
sanctions-watch is running locally.
  API           ${runtime.apiUrl}
  DynamoDB      ${runtime.dynamoDbEndpoint} (table ${runtime.tableName}, data in ${dataDirectory})
  Obligations   ${runtime.seeded.created.length} seeded, ${runtime.seeded.existing.length} already there

Try:
  curl ${runtime.apiUrl}/states/RU
  curl '${runtime.apiUrl}/states?group=africa'
  curl ${runtime.apiUrl}/obligations

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
