import * as z from 'zod/mini';
import type { ApiClient } from '../api-client.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { formatTable } from '../format-table.ts';
import { readResponse } from '../read-response.ts';
import { channelText, deliveryText, targetText, watchSchema } from '../watch-view.ts';

export type WatchListOptions = Record<string, never>;

const usage = `usage: sanctions-watch watch list
  The token's user's watches, with their status.`;

export const watchListSchema = z.object({ watches: z.array(watchSchema) });

export const parseWatchListArgs = (args: readonly string[]): ParsedArgs<WatchListOptions> => {
  const { values, positionals } = parseCommandArgs(args, {});
  exactPositionals(positionals, []);
  return { common: commonOf(values), options: {} };
};

/** GET /watches. */
export const watchListCommand = async (_options: WatchListOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('GET', '/watches');
  const { watches } = readResponse(watchListSchema, json, 'GET /watches');
  const lines =
    watches.length === 0
      ? ['No watches; sanctions-watch watch add --help tells how to add one.']
      : formatTable(
          ['ID', 'NAME', 'STATUS', 'CHANNEL', 'TARGET', 'EVENTS', 'DELIVERY'],
          watches.map((watch) => [
            watch.id,
            watch.name ?? '',
            watch.status,
            channelText(watch),
            targetText(watch),
            watch.events.join(','),
            deliveryText(watch),
          ]),
        );
  return { json, lines };
};

export const watchList = defineCommand({
  name: 'watch list',
  summary: 'list your watches',
  usage,
  access: 'user',
  parse: parseWatchListArgs,
  run: watchListCommand,
});
