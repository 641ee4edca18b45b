import { type ApiClient, createApiClient } from './api-client.ts';
import { apiUrlOf, type Environment, fromEnvironment, isLocalApi } from './api-url.ts';
import type { CommandAccess } from './command.ts';
import type { CommonOptions } from './command-args.ts';
import { UsageError } from './usage-error.ts';

/** The user the CLI issues its own local tokens for, so its watches are easy to tell apart. */
export const LOCAL_CLI_USER = 'cli';

export type IssueLocalToken = (user: string, options: { readonly admin: boolean }) => Promise<string>;

/**
 * The token to send: the one given, else, for a command that needs one against the local API, one
 * issued from the local identity (an admin's for admin commands). Against a deployed API the CLI
 * cannot make one, so it says what to do instead of letting the API answer a bare 401.
 */
export const resolveToken = async (
  access: CommandAccess,
  common: CommonOptions,
  env: Environment,
  issueLocal: IssueLocalToken,
): Promise<string | undefined> => {
  const given = common.token ?? fromEnvironment(env, 'SANCTIONS_WATCH_TOKEN');
  if (given !== undefined || access === 'public' || access === 'offline') return given;
  const apiUrl = apiUrlOf(common, env);
  if (!isLocalApi(apiUrl)) {
    throw new UsageError(
      `this command needs ${access === 'admin' ? "an admin's" : 'a'} token for ${apiUrl}: pass --token JWT or set SANCTIONS_WATCH_TOKEN`,
    );
  }
  return issueLocal(LOCAL_CLI_USER, { admin: access === 'admin' });
};

/** The API client a command runs with: the API's URL and the token resolved from flags, environment and the local identity. */
export const connect = async (
  access: CommandAccess,
  common: CommonOptions,
  env: Environment,
  issueLocal: IssueLocalToken,
): Promise<ApiClient> => {
  const baseUrl = apiUrlOf(common, env);
  const token = await resolveToken(access, common, env, issueLocal);
  return createApiClient({ baseUrl, ...(token === undefined ? {} : { token }) });
};
