import * as z from 'zod/mini';
import type { ApiClient } from '../api-client.ts';
import { type CommandOutput, defineCommand } from '../command.ts';
import { readResponse } from '../read-response.ts';
import { parseWatchIdArgs, type WatchIdOptions } from './watch-id-args.ts';

const usage = `usage: sanctions-watch watch test <id>
  Sends a test message to the watch's confirmed address and says how it went.`;

export const testOutcomeSchema = z.object({
  contact: z.string(),
  status: z.string(),
  messageId: z.optional(z.string()),
});

/** POST /watches/{id}/test. */
export const watchTestCommand = async (options: WatchIdOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('POST', `/watches/${encodeURIComponent(options.id)}/test`);
  const outcome = readResponse(testOutcomeSchema, json, 'POST /watches/{id}/test');
  const message = outcome.messageId === undefined ? '' : ` (message ${outcome.messageId})`;
  return { json, lines: [`Test message to ${outcome.contact}: ${outcome.status}${message}.`] };
};

export const watchTest = defineCommand({
  name: 'watch test',
  summary: 'send a test message to a watch',
  usage,
  access: 'user',
  parse: parseWatchIdArgs,
  run: watchTestCommand,
});
