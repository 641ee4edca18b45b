import type { ApiClient } from '../api-client.ts';
import { type CommandOutput, defineCommand } from '../command.ts';
import { parseWatchIdArgs, type WatchIdOptions } from './watch-id-args.ts';

const usage = `usage: sanctions-watch watch rm <id>
  Deletes one of your watches: it hears nothing more.`;

/** DELETE /watches/{id}. The API answers 204 with no body, so the JSON view says what was deleted. */
export const watchRmCommand = async (options: WatchIdOptions, client: ApiClient): Promise<CommandOutput> => {
  await client.request('DELETE', `/watches/${encodeURIComponent(options.id)}`);
  return { json: { deleted: options.id }, lines: [`Deleted watch ${options.id}.`] };
};

export const watchRm = defineCommand({
  name: 'watch rm',
  summary: 'delete a watch',
  usage,
  access: 'user',
  parse: parseWatchIdArgs,
  run: watchRmCommand,
});
