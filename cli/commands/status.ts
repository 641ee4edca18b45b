import * as z from 'zod/mini';
import { obligationStatusNames } from '../../lambdas/core/status/obligation-status.ts';
import type { ApiClient } from '../api-client.ts';
import { optionalIsoDate } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { formatTable } from '../format-table.ts';
import { readResponse } from '../read-response.ts';

export interface StatusOptions {
  readonly asOf?: string;
  readonly group?: string;
  readonly obligation?: string;
}

const usage = `usage: sanctions-watch status [--as-of YYYY-MM-DD] [--group ID] [--obligation ID]
  The board: per obligation, how many states stand where, and which are overdue, longest first.
  --as-of       the day to evaluate (default today, UTC)
  --group       only this group's members, e.g. africa, eastern-europe, african-group
  --obligation  only this obligation, e.g. 2397-p8-midterm`;

export const statusBoardSchema = z.object({
  asOf: z.string(),
  group: z.optional(z.string()),
  obligations: z.array(
    z.object({
      obligation: z.object({ id: z.string(), title: z.string(), kind: z.string(), dueDate: z.optional(z.string()) }),
      counts: z.record(z.string(), z.number()),
      overdue: z.array(z.object({ code: z.string(), name: z.string(), daysOverdue: z.number() })),
    }),
  ),
});
type Board = z.infer<typeof statusBoardSchema>;

export const parseStatusArgs = (args: readonly string[]): ParsedArgs<StatusOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    'as-of': { type: 'string' },
    group: { type: 'string' },
    obligation: { type: 'string' },
  });
  exactPositionals(positionals, []);
  return {
    common: commonOf(values),
    options: { asOf: optionalIsoDate('as-of', values['as-of']), group: values.group, obligation: values.obligation },
  };
};

/**
 * Count columns in the API's order of statuses, only those some obligation has: a report
 * obligation is never `met`, an action never `submitted`, and empty columns only widen the table.
 * Statuses this CLI does not know (a newer API) still show, after the known ones.
 */
const statusColumns = (board: Board): string[] => {
  const present = new Set(
    board.obligations.flatMap(({ counts }) => Object.keys(counts).filter((name) => (counts[name] ?? 0) > 0)),
  );
  const known: readonly string[] = obligationStatusNames;
  return [...known.filter((name) => present.has(name)), ...[...present].filter((name) => !known.includes(name))];
};

const boardLines = (board: Board): string[] => {
  const columns = statusColumns(board);
  const heading = `Status as of ${board.asOf}${board.group === undefined ? ', all member states' : `, group ${board.group}`}`;
  const summary = formatTable(
    ['OBLIGATION', 'KIND', 'DUE', ...columns.map((name) => name.toUpperCase())],
    board.obligations.map(({ obligation, counts }) => [
      obligation.id,
      obligation.kind,
      obligation.dueDate ?? '-',
      ...columns.map((name) => String(counts[name] ?? 0)),
    ]),
    { alignRight: columns.map((_, index) => index + 3) },
  );
  const overdue = board.obligations
    .filter((column) => column.overdue.length > 0)
    .flatMap(({ obligation, overdue: states }) => [
      '',
      `Overdue: ${obligation.id}, ${obligation.title} (${states.length} ${states.length === 1 ? 'state' : 'states'})`,
      ...formatTable(
        ['CODE', 'STATE', 'DAYS OVERDUE'],
        states.map((state) => [state.code, state.name, String(state.daysOverdue)]),
        { alignRight: [2] },
      ),
    ]);
  return [heading, '', ...summary, ...overdue];
};

/** GET /status. */
export const statusCommand = async (options: StatusOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('GET', '/status', {
    query: { asOf: options.asOf, group: options.group, obligation: options.obligation },
  });
  return { json, lines: boardLines(readResponse(statusBoardSchema, json, 'GET /status')) };
};

export const status = defineCommand({
  name: 'status',
  summary: 'the board: counts by status and the overdue states',
  usage,
  access: 'public',
  parse: parseStatusArgs,
  run: statusCommand,
});
