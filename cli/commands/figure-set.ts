import * as z from 'zod/mini';
import { figuresPath } from '../../lambdas/contracts/paths.ts';
import type { ApiClient } from '../api-client.ts';
import { isoDate, number, required } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { amountOf, figureSchema, sourceOf } from '../format-figure.ts';
import { readResponse } from '../read-response.ts';
import { UsageError } from '../usage-error.ts';

export interface FigureSetOptions {
  readonly code: string;
  readonly metric: string;
  /** The body of PUT /states/{code}/figures/{metric}: a value, or a range low–high. */
  readonly figure: {
    readonly value?: number;
    readonly low?: number;
    readonly high?: number;
    readonly unit?: string;
    readonly asOf: string;
    readonly source: { readonly kind: string; readonly ref?: string; readonly url?: string };
    readonly note?: string;
  };
}

const usage = `usage: sanctions-watch figure set <code> <metric> (--value N | --low N --high N) --as-of YYYY-MM-DD --source-kind KIND
                                 [--source-ref TEXT] [--source-url URL] [--unit UNIT] [--note TEXT]
  Records a figure for a state (admin), e.g. figure set RU work-permits.valid --value 11490 --as-of 2018-12-31 --source-kind un-report
  <code>         a state's code, or world for a worldwide figure (figure set world workers.repatriated --value 23245 ...)
  <metric>       e.g. workers.remaining, work-permits.valid (GET /metrics lists them)
  --value        one number; or --low and --high for a range (50000 and 80000)
  --as-of        the day the figure describes
  --source-kind  un-report, national, estimate or press
  --unit         defaults to the metric's unit`;

export const recordedFigureSchema = z.object({ figure: figureSchema, latest: z.boolean() });

export const parseFigureSetArgs = (args: readonly string[]): ParsedArgs<FigureSetOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    value: { type: 'string' },
    low: { type: 'string' },
    high: { type: 'string' },
    unit: { type: 'string' },
    'as-of': { type: 'string' },
    'source-kind': { type: 'string' },
    'source-ref': { type: 'string' },
    'source-url': { type: 'string' },
    note: { type: 'string' },
  });
  const [code = '', metric = ''] = exactPositionals(positionals, ['code', 'metric']);
  const range = values.low !== undefined || values.high !== undefined;
  if (values.value !== undefined && range) throw new UsageError('give either --value or --low and --high, not both');
  if (values.value === undefined && !(values.low !== undefined && values.high !== undefined))
    throw new UsageError('give --value N, or both --low N and --high N');
  const amount =
    values.value === undefined
      ? { low: number('low', values.low ?? ''), high: number('high', values.high ?? '') }
      : { value: number('value', values.value) };
  return {
    common: commonOf(values),
    options: {
      code,
      metric,
      figure: {
        ...amount,
        unit: values.unit,
        asOf: isoDate('as-of', required('as-of', values['as-of'])),
        source: {
          kind: required('source-kind', values['source-kind']),
          ref: values['source-ref'],
          url: values['source-url'],
        },
        note: values.note,
      },
    },
  };
};

/** PUT /states/{code}/figures/{metric}, or PUT /world/figures/{metric}. */
export const figureSetCommand = async (options: FigureSetOptions, client: ApiClient): Promise<CommandOutput> => {
  const path = `${figuresPath(options.code)}/${encodeURIComponent(options.metric)}`;
  const json = await client.request('PUT', path, { body: options.figure });
  const { figure, latest } = readResponse(recordedFigureSchema, json, `PUT ${path}`);
  return {
    json,
    lines: [
      `Recorded ${figure.state} ${figure.metric} = ${amountOf(figure)} ${figure.unit} as of ${figure.asOf} (${sourceOf(figure)}).`,
      // A figure for an earlier day is history: worth saying, since the board goes on showing the newer one.
      latest ? 'It is now the latest figure.' : 'A later figure was recorded before; that one stays the latest.',
    ],
  };
};

export const figureSet = defineCommand({
  name: 'figure set',
  summary: 'record a figure for a state (admin)',
  usage,
  access: 'admin',
  parse: parseFigureSetArgs,
  run: figureSetCommand,
});
