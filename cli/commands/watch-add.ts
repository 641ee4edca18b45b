import { alertEventTypes, publicAlertEventTypes } from '../../lambdas/core/alerts/alert-event.ts';
import type { ApiClient } from '../api-client.ts';
import { list, optionalNumber, wholeNumber } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { formatPairs } from '../format-table.ts';
import { readResponse } from '../read-response.ts';
import { UsageError } from '../usage-error.ts';
import { channelText, deliveryText, targetText, watchSchema } from '../watch-view.ts';

/** The body of POST /watches, as the API documents it; the API validates every value. */
export interface WatchAddOptions {
  readonly name?: string;
  readonly target: { readonly states?: string[]; readonly groups?: string[]; readonly all?: true };
  readonly events: string[];
  readonly obligations?: string[];
  readonly metrics?: string[];
  readonly minChangePct?: number;
  readonly channel: { readonly email: string } | { readonly sms: string };
  readonly delivery?: {
    readonly mode: 'immediate' | 'digest';
    readonly digestHourUtc?: number;
    readonly repeatEveryDays?: number;
    readonly resolved?: boolean;
  };
}

const usage = `usage: sanctions-watch watch add (--email ADDRESS | --sms +E164) (--states CODES | --groups IDS | --all)
                                --events TYPES [--name TEXT] [--obligations IDS] [--metrics IDS]
                                [--min-change-pct N] [--digest] [--digest-hour H] [--repeat-every-days N] [--resolved]
  Registers a watch for the token's user; a new address gets a confirmation first.
  --email, --sms        where alerts go: one address, or a phone number such as +447700900123
  --states, --groups    comma-separated (or repeated): RU,CN / africa,eastern-europe
  --all                 every member state
  --events              comma-separated: ${alertEventTypes.join(', ')}, or all
  --obligations         only events about these obligations, e.g. 2397-p8-midterm
  --metrics             only changes of these metrics, e.g. workers.remaining
  --min-change-pct      figure.changed only when the change reaches this percentage
  --digest              one message a day instead of one per batch of alerts
  --digest-hour         the digest's hour, 0-23 UTC (default 8); implies --digest
  --repeat-every-days   re-announce a state still overdue every N days
  --resolved            also tell when an overdue state reports`;

export const parseWatchAddArgs = (args: readonly string[]): ParsedArgs<WatchAddOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: 'string' },
    email: { type: 'string' },
    sms: { type: 'string' },
    states: { type: 'string', multiple: true },
    groups: { type: 'string', multiple: true },
    all: { type: 'boolean', default: false },
    events: { type: 'string', multiple: true },
    obligations: { type: 'string', multiple: true },
    metrics: { type: 'string', multiple: true },
    'min-change-pct': { type: 'string' },
    digest: { type: 'boolean', default: false },
    'digest-hour': { type: 'string' },
    'repeat-every-days': { type: 'string' },
    resolved: { type: 'boolean', default: false },
  });
  exactPositionals(positionals, []);
  if ((values.email === undefined) === (values.sms === undefined))
    throw new UsageError('give exactly one of --email and --sms');
  const channel = values.email === undefined ? { sms: values.sms ?? '' } : { email: values.email };
  const states = list('states', values.states);
  const groups = list('groups', values.groups);
  if (states === undefined && groups === undefined && !values.all)
    throw new UsageError('name what to watch: --states, --groups or --all');
  const events = list('events', values.events);
  if (events === undefined) throw new UsageError(`--events is required: ${alertEventTypes.join(', ')}, or all`);
  const digestHourUtc =
    values['digest-hour'] === undefined ? undefined : wholeNumber('digest-hour', values['digest-hour']);
  const repeatEveryDays =
    values['repeat-every-days'] === undefined
      ? undefined
      : wholeNumber('repeat-every-days', values['repeat-every-days']);
  const digest = values.digest || digestHourUtc !== undefined;
  // Left out unless asked for, so the API's defaults (immediate, not resolved) apply.
  const delivery =
    digest || repeatEveryDays !== undefined || values.resolved
      ? ({ mode: digest ? 'digest' : 'immediate', digestHourUtc, repeatEveryDays, resolved: values.resolved } as const)
      : undefined;
  return {
    common: commonOf(values),
    options: {
      name: values.name,
      target: { states, groups, ...(values.all ? { all: true } : {}) },
      // `all`: every event anyone may watch; source.proposal, for admins, is asked for by name.
      events: events.includes('all') ? [...publicAlertEventTypes] : events,
      obligations: list('obligations', values.obligations),
      metrics: list('metrics', values.metrics),
      minChangePct: optionalNumber('min-change-pct', values['min-change-pct']),
      channel,
      delivery,
    },
  };
};

/** POST /watches. */
export const watchAddCommand = async (options: WatchAddOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('POST', '/watches', { body: options });
  const watch = readResponse(watchSchema, json, 'POST /watches');
  const lines = formatPairs([
    ['watch', watch.id],
    ['name', watch.name],
    ['status', watch.status],
    ['target', targetText(watch)],
    ['events', watch.events.join(', ')],
    ['obligations', watch.obligations?.join(', ')],
    ['metrics', watch.metrics?.join(', ')],
    ['min change', watch.minChangePct === undefined ? undefined : `${watch.minChangePct}%`],
    ['channel', channelText(watch)],
    ['delivery', deliveryText(watch)],
    ['confirm by', watch.confirmation?.confirmBy],
    ['next', watch.confirmation?.next],
  ]);
  return { json, lines };
};

export const watchAdd = defineCommand({
  name: 'watch add',
  summary: 'register a watch (email or SMS alerts)',
  usage,
  access: 'user',
  parse: parseWatchAddArgs,
  run: watchAddCommand,
});
