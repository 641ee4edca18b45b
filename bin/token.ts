import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { localIdentityDirectory, openLocalIdentity } from '../local/local-identity.ts';

/**
 * `npm run token -- <user> [--admin]`: prints a bearer token the local API accepts, and nothing
 * else on stdout, so `TOKEN=$(npm run -s token -- alice --admin)` captures exactly the token.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = `usage: npm run -s token -- <user> [--admin] [--ttl SECONDS] [--identity-dir DIR]
  --admin         put the user in the admins group
  --ttl           lifetime in seconds (default 43200, 12 hours)
  --identity-dir  where the signing key is kept (default .local/identity, as npm start uses)`;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const fail = (message: string, exitCode: number): never => {
  console.error(message);
  process.exit(exitCode);
};

const parseOptions = () => {
  try {
    const { values, positionals } = parseArgs({
      options: {
        admin: { type: 'boolean', default: false },
        ttl: { type: 'string' },
        'identity-dir': { type: 'string', default: localIdentityDirectory(projectRoot) },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) return { help: true } as const;
    const [user, ...extra] = positionals;
    if (user === undefined || extra.length > 0)
      throw new Error(`Name exactly one user, such as alice (got ${positionals.length})`);
    if (values.ttl !== undefined && !/^[1-9]\d*$/.test(values.ttl))
      throw new Error(`--ttl must be a whole number of seconds above 0, got "${values.ttl}"`);
    const ttlSeconds = values.ttl === undefined ? undefined : Number(values.ttl);
    return { help: false, user, admin: values.admin, ttlSeconds, directory: resolve(values['identity-dir']) } as const;
  } catch (error) {
    return fail(`${messageOf(error)}\n${usage}`, 2);
  }
};

const options = parseOptions();
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const identity = await openLocalIdentity(options.directory).catch((error: unknown) =>
  fail(`Could not load or create the signing key in ${options.directory}: ${messageOf(error)}`, 1),
);
// A user name the pool would refuse is a bad argument like any other, hence exit 2.
const token = await identity
  .issue(options.user, { admin: options.admin, ttlSeconds: options.ttlSeconds })
  .catch((error: unknown) => fail(`${messageOf(error)}\n${usage}`, 2));
console.log(token);
