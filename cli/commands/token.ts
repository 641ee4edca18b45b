import { resolve } from 'node:path';
import { wholeNumber } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { issueLocalToken } from '../local-token.ts';

export interface TokenOptions {
  readonly user: string;
  readonly admin: boolean;
  readonly ttlSeconds?: number;
  /** Undefined: `.local/identity`, the one `npm start` uses. */
  readonly directory?: string;
}

const usage = `usage: sanctions-watch token <user> [--admin] [--ttl SECONDS] [--identity-dir DIR]
  Prints a token the local API accepts (as npm run token does), and nothing else on stdout.
  --admin         put the user in the admins group
  --ttl           lifetime in seconds (default 43200, 12 hours)
  --identity-dir  where the signing key is kept (default .local/identity, as npm start uses)`;

export const parseTokenArgs = (args: readonly string[]): ParsedArgs<TokenOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    admin: { type: 'boolean', default: false },
    ttl: { type: 'string' },
    'identity-dir': { type: 'string' },
  });
  const [user = ''] = exactPositionals(positionals, ['user']);
  const ttl = values.ttl === undefined ? undefined : wholeNumber('ttl', values.ttl);
  const directory = values['identity-dir'] === undefined ? undefined : resolve(values['identity-dir']);
  return { common: commonOf(values), options: { user, admin: values.admin, ttlSeconds: ttl, directory } };
};

/** Issues a local token; no API involved. */
export const tokenCommand = async (options: TokenOptions): Promise<CommandOutput> => {
  const token = await issueLocalToken(options.user, options);
  return { json: { user: options.user, admin: options.admin, token }, lines: [token] };
};

export const token = defineCommand({
  name: 'token',
  summary: 'print a token for the local API',
  usage,
  access: 'offline',
  parse: parseTokenArgs,
  run: tokenCommand,
});
