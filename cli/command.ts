import type { ApiClient } from './api-client.ts';
import type { CommonOptions } from './command-args.ts';

/** What a command produces: lines for the table view, and the JSON printed with `--json`. */
export interface CommandOutput {
  readonly lines: readonly string[];
  readonly json: unknown;
}

/**
 * Who may run a command on the API. It decides the token the CLI issues itself against a local
 * API: none, a plain user's or an admin's. `offline` commands never reach the API.
 */
export type CommandAccess = 'public' | 'user' | 'admin' | 'offline';

/** A command line parsed and ready: bin/cli.ts connects it to the API and prints what it returns. */
export interface Invocation {
  readonly common: CommonOptions;
  run(client: ApiClient): Promise<CommandOutput>;
}

export interface Command {
  /** As typed after `sanctions-watch`: `status`, `watch add`. */
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly access: CommandAccess;
  /** Parses the arguments after the command's name; throws UsageError. */
  parse(args: readonly string[]): Invocation;
}

/** A command's own options, with the common ones beside them. */
export interface ParsedArgs<Options> {
  readonly common: CommonOptions;
  readonly options: Options;
}

/**
 * Builds a Command from its two testable halves: `parse` (argv to options) and `run` (options and
 * a client to output), which tests call directly.
 */
export const defineCommand = <Options>(spec: {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly access: CommandAccess;
  readonly parse: (args: readonly string[]) => ParsedArgs<Options>;
  readonly run: (options: Options, client: ApiClient) => Promise<CommandOutput>;
}): Command => ({
  name: spec.name,
  summary: spec.summary,
  usage: spec.usage,
  access: spec.access,
  parse: (args) => {
    const { common, options } = spec.parse(args);
    return { common, run: (client) => spec.run(options, client) };
  },
});
