import type { CommonOptions } from './command-args.ts';
import { UsageError } from './usage-error.ts';

/** Where `npm start` serves the API. */
export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Empty variables count as unset: `SANCTIONS_WATCH_TOKEN= sanctions-watch ...` means "none". */
export const fromEnvironment = (env: Environment, name: string): string | undefined =>
  env[name] === '' ? undefined : env[name];

/** --api, else SANCTIONS_WATCH_API, else the local API. */
export const apiUrlOf = (common: CommonOptions, env: Environment): string => {
  const raw = common.api ?? fromEnvironment(env, 'SANCTIONS_WATCH_API') ?? DEFAULT_API_URL;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new UsageError(`--api must be an http(s) URL such as ${DEFAULT_API_URL}, got "${raw}"`);
  return raw;
};

/** The local API is the one on this machine: the only one whose signing key is at hand, the one `npm start` starts. */
export const isLocalApi = (apiUrl: string): boolean =>
  ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(apiUrl).hostname);
