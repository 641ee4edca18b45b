import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** Options every API command takes, wherever they appear on the line. */
export const commonOptions = {
  api: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export const commonUsage = `common options:
  --api URL     the API (default $SANCTIONS_WATCH_API, else http://127.0.0.1:3000, the one npm start runs)
  --token JWT   a bearer token (default $SANCTIONS_WATCH_TOKEN; against a local API the CLI issues one itself)
  --json        print the API's JSON instead of a table
  --help        this command's usage`;

export interface CommonOptions {
  readonly api: string | undefined;
  readonly token: string | undefined;
  readonly json: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** node:util's parseArgs with the common options added, its errors turned into usage errors (exit 2). */
export const parseCommandArgs = <const Options extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: Options,
) => {
  try {
    return parseArgs({
      args: [...args],
      options: { ...commonOptions, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
};

export const commonOf = (values: {
  readonly api?: string;
  readonly token?: string;
  readonly json?: boolean;
}): CommonOptions => ({
  api: values.api,
  token: values.token,
  json: values.json ?? false,
});

/** Whether to print usage instead of running: `--help` or `-h` before any `--`, wherever it is. */
export const wantsHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** The positionals a command takes, exactly; `names` are for the message. */
export const exactPositionals = (positionals: readonly string[], names: readonly string[]): string[] => {
  if (positionals.length !== names.length) {
    const wanted = names.length === 0 ? 'no arguments' : names.map((name) => `<${name}>`).join(' ');
    throw new UsageError(
      `expected ${wanted}, got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}`,
    );
  }
  return [...positionals];
};
