import type { ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';

/** `watch rm <id>` and `watch test <id>`: one watch id and nothing else. */
export interface WatchIdOptions {
  readonly id: string;
}

export const parseWatchIdArgs = (args: readonly string[]): ParsedArgs<WatchIdOptions> => {
  const { values, positionals } = parseCommandArgs(args, {});
  const [id = ''] = exactPositionals(positionals, ['id']);
  return { common: commonOf(values), options: { id } };
};
