import * as z from 'zod/mini';
import type { ApiClient } from '../api-client.ts';
import { isoDate, optionalIsoDate, required } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { readResponse } from '../read-response.ts';

export interface ReportAddOptions {
  readonly code: string;
  /** The body of POST /states/{code}/reports. */
  readonly report: {
    readonly obligationId: string;
    readonly reportDate: string;
    readonly receivedOn?: string;
    readonly publishedOn?: string;
    readonly public: boolean;
    readonly symbol?: string;
    readonly url?: string;
    readonly note?: string;
  };
}

const usage = `usage: sanctions-watch report add <code> --obligation ID --date YYYY-MM-DD [--symbol S] [--url U] [--not-public]
                                 [--received-on YYYY-MM-DD] [--published-on YYYY-MM-DD] [--note TEXT]
  Records a state's report (admin). A report is recorded once; again is an error.
  --obligation    e.g. 2397-p8-midterm
  --date          the date the report bears
  --symbol        the UN document symbol, e.g. S/AC.49/2019/24
  --url           where it is published
  --not-public    submitted, but the state asked the Committee not to publish it
  --received-on   when the Committee received it, if known (it decides lateness)
  --published-on  when it appeared on the Committee's website`;

export const recordedReportSchema = z.object({
  report: z.object({
    state: z.string(),
    obligationId: z.string(),
    reportDate: z.string(),
    public: z.boolean(),
    symbol: z.optional(z.string()),
  }),
});

export const parseReportAddArgs = (args: readonly string[]): ParsedArgs<ReportAddOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    obligation: { type: 'string' },
    date: { type: 'string' },
    symbol: { type: 'string' },
    url: { type: 'string' },
    'not-public': { type: 'boolean', default: false },
    'received-on': { type: 'string' },
    'published-on': { type: 'string' },
    note: { type: 'string' },
  });
  const [code = ''] = exactPositionals(positionals, ['code']);
  return {
    common: commonOf(values),
    options: {
      code,
      report: {
        obligationId: required('obligation', values.obligation),
        reportDate: isoDate('date', required('date', values.date)),
        receivedOn: optionalIsoDate('received-on', values['received-on']),
        publishedOn: optionalIsoDate('published-on', values['published-on']),
        public: !values['not-public'],
        symbol: values.symbol,
        url: values.url,
        note: values.note,
      },
    },
  };
};

/** POST /states/{code}/reports. */
export const reportAddCommand = async (options: ReportAddOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('POST', `/states/${encodeURIComponent(options.code)}/reports`, {
    body: options.report,
  });
  const { report } = readResponse(recordedReportSchema, json, 'POST /states/{code}/reports');
  const symbol = report.symbol === undefined ? '' : ` ${report.symbol}`;
  return {
    json,
    lines: [
      `Recorded ${report.state}'s report${symbol} on ${report.obligationId}, dated ${report.reportDate}${report.public ? '' : ', not public'}.`,
    ],
  };
};

export const reportAdd = defineCommand({
  name: 'report add',
  summary: "record a state's report (admin)",
  usage,
  access: 'admin',
  parse: parseReportAddArgs,
  run: reportAddCommand,
});
