import * as z from 'zod/mini';
import { figuresPath } from '../../lambdas/contracts/paths.ts';
import { isWorld, WORLD } from '../../lambdas/contracts/world.ts';
import type { ApiClient } from '../api-client.ts';
import { optionalIsoDate } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { figureHeader, figureRow, figureSchema } from '../format-figure.ts';
import { formatPairs, formatTable } from '../format-table.ts';
import { readResponse } from '../read-response.ts';

export interface StateOptions {
  readonly code: string;
  readonly asOf?: string;
}

const usage = `usage: sanctions-watch state <code> [--as-of YYYY-MM-DD]
  One member state: its groups, where it stands on each obligation, its latest figures.
  <code>   ISO 3166-1 alpha-2 or alpha-3, any case: RU, rus; or world, for the worldwide figures
  --as-of  the day to evaluate (default today, UTC)`;

export const stateProfileSchema = z.object({
  state: z.object({ alpha2: z.string(), alpha3: z.string(), name: z.string() }),
  asOf: z.string(),
  groups: z.array(z.object({ id: z.string() })),
  obligations: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      dueDate: z.optional(z.string()),
      status: z.string(),
      daysUntilDue: z.optional(z.number()),
      submittedOn: z.optional(z.string()),
      daysLate: z.optional(z.number()),
      daysOverdue: z.optional(z.number()),
      daysPassed: z.optional(z.number()),
      metOn: z.optional(z.string()),
      reports: z.array(z.object({ reportDate: z.string(), symbol: z.optional(z.string()), public: z.boolean() })),
    }),
  ),
  figures: z.array(figureSchema),
});
type StandingView = z.infer<typeof stateProfileSchema>['obligations'][number];

export const parseStateArgs = (args: readonly string[]): ParsedArgs<StateOptions> => {
  const { values, positionals } = parseCommandArgs(args, { 'as-of': { type: 'string' } });
  const [code = ''] = exactPositionals(positionals, ['code']);
  return { common: commonOf(values), options: { code, asOf: optionalIsoDate('as-of', values['as-of']) } };
};

const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The one number or date that says most about each status, in words. */
const detailOf = (standing: StandingView): string => {
  const parts = [
    standing.daysUntilDue === undefined ? undefined : `due in ${days(standing.daysUntilDue)}`,
    standing.submittedOn === undefined ? undefined : `submitted ${standing.submittedOn}`,
    standing.daysLate === undefined ? undefined : `${days(standing.daysLate)} late`,
    standing.daysOverdue === undefined ? undefined : `${days(standing.daysOverdue)} overdue`,
    standing.daysPassed === undefined ? undefined : `passed ${days(standing.daysPassed)} ago`,
    standing.metOn === undefined ? undefined : `met ${standing.metOn}`,
  ];
  return parts.filter((part) => part !== undefined).join(', ');
};

const reportsOf = (standing: StandingView): string =>
  standing.reports
    .map((report) => `${report.symbol ?? report.reportDate}${report.public ? '' : ' (not public)'}`)
    .join(', ');

const figureLines = (figures: readonly z.infer<typeof figureSchema>[]): string[] =>
  figures.length === 0
    ? ['No figures recorded.']
    : formatTable(figureHeader, figures.map(figureRow), { alignRight: [1] });

/** GET /world/figures: the world has figures but no obligations. */
const worldCommand = async (client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('GET', figuresPath(WORLD));
  const { figures } = readResponse(z.object({ figures: z.array(figureSchema) }), json, 'GET /world/figures');
  return { json, lines: ['Worldwide figures, which no state reports', '', ...figureLines(figures)] };
};

/** GET /states/{code}, or the worldwide figures for `world`. */
export const stateCommand = async (options: StateOptions, client: ApiClient): Promise<CommandOutput> => {
  if (isWorld(options.code.toLowerCase())) return worldCommand(client);
  const json = await client.request('GET', `/states/${encodeURIComponent(options.code)}`, {
    query: { asOf: options.asOf },
  });
  const profile = readResponse(stateProfileSchema, json, 'GET /states/{code}');
  const lines = [
    `${profile.state.name} (${profile.state.alpha2}, ${profile.state.alpha3}), as of ${profile.asOf}`,
    ...formatPairs([['groups', profile.groups.map((group) => group.id).join(', ')]]),
    '',
    ...formatTable(
      ['OBLIGATION', 'KIND', 'DUE', 'STATUS', 'DETAIL', 'REPORTS'],
      profile.obligations.map((standing) => [
        standing.id,
        standing.kind,
        standing.dueDate ?? '-',
        standing.status,
        detailOf(standing),
        reportsOf(standing),
      ]),
    ),
    '',
    ...figureLines(profile.figures),
  ];
  return { json, lines };
};

export const state = defineCommand({
  name: 'state',
  summary: 'one state: its obligations, reports and figures',
  usage,
  access: 'public',
  parse: parseStateArgs,
  run: stateCommand,
});
