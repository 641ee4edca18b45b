import * as z from 'zod/mini';
import type { ApiClient } from '../api-client.ts';
import { optionalIsoDate, required, wholeNumber } from '../arg-values.ts';
import { type CommandOutput, defineCommand, type ParsedArgs } from '../command.ts';
import { commonOf, exactPositionals, parseCommandArgs } from '../command-args.ts';
import { readResponse } from '../read-response.ts';

/** What the commands show of a proposal (GET /proposals, POST /proposals/{id}/...). */
const proposalSchema = z.object({
  id: z.string(),
  status: z.string(),
  document: z.object({ symbol: z.string(), title: z.string() }),
  state: z.optional(z.string()),
  committee: z.optional(z.string()),
  datedOn: z.optional(z.string()),
  obligationId: z.optional(z.string()),
  amendments: z.array(z.string()),
});
type ProposalLine = z.infer<typeof proposalSchema>;

const lineOf = (p: ProposalLine): string =>
  [
    p.id,
    p.document.symbol,
    p.state ?? '(no state)',
    p.committee ?? '(no committee)',
    p.datedOn ?? '(no date)',
    p.obligationId ?? '(no obligation)',
    ...(p.amendments.length > 0 ? [`amended by ${p.amendments.join(', ')}`] : []),
  ].join('  ');

export interface ProposalListOptions {
  readonly status?: string | undefined;
  readonly limit?: number | undefined;
  readonly after?: string | undefined;
}

export const parseProposalListArgs = (args: readonly string[]): ParsedArgs<ProposalListOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    status: { type: 'string' },
    limit: { type: 'string' },
    after: { type: 'string' },
  });
  exactPositionals(positionals, []);
  return {
    common: commonOf(values),
    options: {
      status: values.status,
      limit: values.limit === undefined ? undefined : wholeNumber('limit', values.limit),
      after: values.after,
    },
  };
};

/** GET /proposals. */
export const proposalListCommand = async (options: ProposalListOptions, client: ApiClient): Promise<CommandOutput> => {
  const json = await client.request('GET', '/proposals', {
    query: {
      status: options.status,
      limit: options.limit === undefined ? undefined : String(options.limit),
      after: options.after,
    },
  });
  const page = readResponse(
    z.object({ proposals: z.array(proposalSchema), next: z.optional(z.string()) }),
    json,
    'GET /proposals',
  );
  return {
    json,
    lines: [
      ...page.proposals.map(lineOf),
      page.proposals.length === 0 ? 'No proposals.' : `${page.proposals.length} proposals.`,
      ...(page.next ? [`More: --after ${page.next}`] : []),
    ],
  };
};

export interface ProposalAcceptOptions {
  readonly id: string;
  readonly corrections: {
    readonly state?: string | undefined;
    readonly obligationId?: string | undefined;
    readonly reportDate?: string | undefined;
    readonly note?: string | undefined;
  };
}

export const parseProposalAcceptArgs = (args: readonly string[]): ParsedArgs<ProposalAcceptOptions> => {
  const { values, positionals } = parseCommandArgs(args, {
    state: { type: 'string' },
    obligation: { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
  });
  const [id = ''] = exactPositionals(positionals, ['id']);
  return {
    common: commonOf(values),
    options: {
      id,
      corrections: {
        state: values.state,
        obligationId: values.obligation,
        reportDate: optionalIsoDate('date', values.date),
        note: values.note,
      },
    },
  };
};

/** POST /proposals/{id}/accept. */
export const proposalAcceptCommand = async (
  options: ProposalAcceptOptions,
  client: ApiClient,
): Promise<CommandOutput> => {
  const body = Object.fromEntries(Object.entries(options.corrections).filter(([, value]) => value !== undefined));
  const json = await client.request('POST', `/proposals/${encodeURIComponent(options.id)}/accept`, { body });
  const { report } = readResponse(
    z.object({ report: z.object({ state: z.string(), obligationId: z.string(), reportDate: z.string() }) }),
    json,
    'POST /proposals/{id}/accept',
  );
  return {
    json,
    lines: [`Accepted: recorded ${report.state}'s report on ${report.obligationId}, dated ${report.reportDate}.`],
  };
};

export interface ProposalRejectOptions {
  readonly id: string;
  readonly reason: string;
}

export const parseProposalRejectArgs = (args: readonly string[]): ParsedArgs<ProposalRejectOptions> => {
  const { values, positionals } = parseCommandArgs(args, { reason: { type: 'string' } });
  const [id = ''] = exactPositionals(positionals, ['id']);
  return { common: commonOf(values), options: { id, reason: required('reason', values.reason) } };
};

/** POST /proposals/{id}/reject. */
export const proposalRejectCommand = async (
  options: ProposalRejectOptions,
  client: ApiClient,
): Promise<CommandOutput> => {
  const json = await client.request('POST', `/proposals/${encodeURIComponent(options.id)}/reject`, {
    body: { reason: options.reason },
  });
  const { proposal } = readResponse(z.object({ proposal: proposalSchema }), json, 'POST /proposals/{id}/reject');
  return { json, lines: [`Rejected ${proposal.document.symbol}.`] };
};

export const proposalList = defineCommand({
  name: 'proposal list',
  summary: 'what the source job found in the UN feeds, by status (admin)',
  usage: `usage: sanctions-watch proposal list [--status pending|accepted|rejected] [--limit N] [--after CURSOR]
  Lists proposals, oldest found first (pending unless --status): id, symbol, state, committee, date, obligation.`,
  access: 'admin',
  parse: parseProposalListArgs,
  run: proposalListCommand,
});

export const proposalAccept = defineCommand({
  name: 'proposal accept',
  summary: "record a proposal as the state's report (admin)",
  usage: `usage: sanctions-watch proposal accept <id> [--state XX] [--obligation ID] [--date YYYY-MM-DD] [--note TEXT]
  Records the report as "report add" does, with the document's symbol and URL as its source. The options
  correct or add what the proposal did not settle.`,
  access: 'admin',
  parse: parseProposalAcceptArgs,
  run: proposalAcceptCommand,
});

export const proposalReject = defineCommand({
  name: 'proposal reject',
  summary: 'reject a proposal, with the reason (admin)',
  usage: `usage: sanctions-watch proposal reject <id> --reason TEXT
  The document is not a report; the reason stays with the proposal.`,
  access: 'admin',
  parse: parseProposalRejectArgs,
  run: proposalRejectCommand,
});
