import * as z from 'zod/mini';
import type { ApiClient } from '../api-client.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { formatTable } from '../format-table.ts';
import { readResponse } from '../read-response.ts';
import { UsageError } from '../usage-error.ts';

export interface CheckOptions {
  /** An ISO-8601 instant; undefined lets the API use now. */
  readonly at?: string;
}

const usage = `usage: sanctions-watch check [--at YYYY-MM-DD | --at INSTANT]
  Runs the deadline check (admin) and lists the alert events it emitted. Re-runs emit nothing twice.
  --at  a day (checked at 06:00 UTC, when the scheduled check runs) or an instant such as 2019-03-23T06:00:00Z;
        default now`;

export const checkOutcomeSchema = z.object({
  at: z.string(),
  count: z.number(),
  alreadyStored: z.number(),
  skipped: z.optional(z.string()),
  emitted: z.array(z.object({ type: z.string(), state: z.optional(z.string()), obligationId: z.optional(z.string()) })),
});

/** States named per table row before "and N more": a check can emit 193 of one kind. */
const STATES_SHOWN = 12;

/** A bare day means the scheduled check's hour, so `--at 2019-03-23` does what the daily run that day did. */
export const checkInstant = (raw: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `${raw}T06:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) return raw;
  throw new UsageError(`--at must be a day (YYYY-MM-DD) or an instant (2019-03-23T06:00:00Z), got "${raw}"`);
};

export const parseCheckArgs = (args: readonly string[]): ParsedArgs<CheckOptions> => {
  const { values, positionals } = parseCommandArgs(args, { at: { type: 'string' } });
  exactPositionals(positionals, []);
  return { common: commonOf(values), options: { at: values.at === undefined ? undefined : checkInstant(values.at) } };
};

type Emitted = z.infer<typeof checkOutcomeSchema>['emitted'];

/** One row per event type and obligation, in the order the check emitted them. */
const summaryRows = (emitted: Emitted): string[][] => {
  const rows = new Map<string, { type: string; obligation: string; states: string[] }>();
  for (const event of emitted) {
    const obligation = event.obligationId ?? '';
    const key = `${event.type}\u0000${obligation}`;
    const row = rows.get(key) ?? { type: event.type, obligation, states: [] };
    if (event.state !== undefined) row.states.push(event.state);
    rows.set(key, row);
  }
  return [...rows.values()].map(({ type, obligation, states }) => {
    const more = states.length > STATES_SHOWN ? ` and ${states.length - STATES_SHOWN} more` : '';
    return [type, obligation, String(states.length), `${states.slice(0, STATES_SHOWN).join(',')}${more}`];
  });
};

/** POST /checks. */
export const checkCommand = async (options: CheckOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('POST', '/checks', { body: options.at === undefined ? {} : { at: options.at } });
  const outcome = readResponse(checkOutcomeSchema, json, 'POST /checks');
  const heading = `Deadline check as of ${outcome.at}: ${outcome.count} new alert ${outcome.count === 1 ? 'event' : 'events'}, ${outcome.alreadyStored} already stored${outcome.skipped === undefined ? '' : ` (skipped: ${outcome.skipped})`}.`;
  const table =
    outcome.emitted.length === 0
      ? []
      : [
          '',
          ...formatTable(['EVENT', 'OBLIGATION', 'STATES', 'CODES'], summaryRows(outcome.emitted), { alignRight: [2] }),
        ];
  return { json, lines: [heading, ...table] };
};

export const check = defineCommand({
  name: 'check',
  summary: 'run the deadline check (admin)',
  usage,
  access: 'admin',
  parse: parseCheckArgs,
  run: checkCommand,
});
