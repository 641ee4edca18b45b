import * as z from 'zod/mini';
import type { RouteId } from '../../contracts/routes.ts';
import { alertListResponseSchema } from '../alerts/alert-response-schema.ts';
import { checkRunResponseSchema } from '../checks/check-response-schema.ts';
import {
  figureHistoryResponseSchema,
  latestFiguresResponseSchema,
  metricListResponseSchema,
  recordedFigureResponseSchema,
} from '../figures/figure-response-schema.ts';
import { figureInputSchema, metricInputSchema, metricSchema } from '../figures/figure-schema.ts';
import { importResponseSchema } from '../imports/import-response-schema.ts';
import { obligationPageResponseSchema, obligationResponseSchema } from '../obligations/obligation-response-schema.ts';
import { obligationInputSchema } from '../obligations/obligation-schema.ts';
import { storedTriggerSchema, triggerInputSchema } from '../obligations/trigger-schema.ts';
import {
  groupListResponseSchema,
  groupResponseSchema,
  stateListResponseSchema,
} from '../reference/reference-response-schema.ts';
import { recordedReportResponseSchema } from '../reports/report-response-schema.ts';
import { reportInputSchema } from '../reports/report-schema.ts';
import {
  acceptedProposalResponseSchema,
  proposalListResponseSchema,
  proposalViewSchema,
} from '../sources/proposal-response-schema.ts';
import { acceptProposalSchema, rejectProposalSchema } from '../sources/proposal-schema.ts';
import {
  reportingHistoryResponseSchema,
  stateProfileResponseSchema,
  statusBoardResponseSchema,
} from '../status/status-response-schema.ts';
import {
  signupAcceptedResponseSchema,
  signupVerifiedResponseSchema,
} from '../subscriptions/subscription-response-schema.ts';
import {
  deliveryListResponseSchema,
  feedKeyResponseSchema,
  testMessageResponseSchema,
  watchListResponseSchema,
  watchPreviewResponseSchema,
  watchViewSchema,
} from '../watches/watch-response-schema.ts';
import { watchInputSchema, watchPatchSchema } from '../watches/watch-schema.ts';
import { checkRunBodySchema, smsCodeBodySchema, subscriptionFormSchema } from './route-bodies.ts';
import * as queries from './route-queries.ts';

type Schema = z.ZodMiniType;

/** What a route answers when it succeeds. */
export interface SuccessContract {
  readonly status: 200 | 201 | 202 | 204;
  /** `application/json` unless a page, a feed or a calendar. */
  readonly contentType?: string;
  /** The JSON body's schema; absent for a body that is not JSON, or one not described yet. */
  readonly schema?: Schema;
  /** What the `Location` header names, for a route that sends one. */
  readonly location?: string;
}

/** A route's contract: what it takes and what it gives back, from the schemas its handler uses. */
export interface RouteContract {
  readonly summary: string;
  readonly query?: z.core.$ZodLooseShape;
  /** The body's schema, and whether the public forms may post it form-encoded. */
  readonly body?: { readonly schema: Schema; readonly optional?: boolean; readonly form?: boolean };
  /** A body read by the handler itself (a CSV import, a one-click unsubscribe), described in words. */
  readonly rawBody?: { readonly contentTypes: readonly string[]; readonly description: string };
  readonly success: SuccessContract;
  /** When the route answers 409: the request clashes with what is stored. */
  readonly conflict?: string;
  /** An example request: path parameters, query and body, as a client would send them. */
  readonly example: {
    readonly path?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  };
}

const json = (schema?: Schema, status: SuccessContract['status'] = 200): SuccessContract =>
  schema === undefined ? { status } : { status, schema };
const page = (status: SuccessContract['status'] = 200): SuccessContract => ({
  status,
  contentType: 'text/html; charset=utf-8',
});

const exampleWatch = {
  name: 'African states overdue',
  target: { groups: ['africa'] },
  events: ['report.overdue'],
  channel: { email: 'ana@example.org' },
};
const exampleFigure = {
  value: 1000,
  asOf: '2019-06-30',
  source: { kind: 'un-report', ref: 'S/AC.49/2019/38' },
};
const watchId = { id: '3f0c6f4e-4c1e-4b8e-9a57-2f6b1a1d2c3e' };
/** The signed links' parameters are shown with their shape, not a working signature. */
const linkSignature = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Every route's contract, keyed by the route table's ids: a route added there without one fails the typecheck. */
export const routeContracts: Record<RouteId, RouteContract> = {
  'list-states': {
    summary: 'The 193 UN member states, or one group’s members',
    query: queries.statesQuery(),
    success: json(stateListResponseSchema),
    example: { query: { group: 'africa' } },
  },
  'get-state': {
    summary: 'A state, its groups, where it stands on each obligation, and its latest figures',
    query: queries.stateQuery(),
    success: json(stateProfileResponseSchema),
    example: { path: { code: 'NG' }, query: { asOf: '2019-12-16' } },
  },
  'record-report': {
    summary: 'Records a state’s report on an obligation, with any figures it gives',
    body: { schema: reportInputSchema },
    success: json(recordedReportResponseSchema, 201),
    conflict: 'the state’s report on the obligation is recorded already',
    example: {
      path: { code: 'GQ' },
      body: { obligationId: '2397-p8-midterm', reportDate: '2019-03-20', symbol: 'S/AC.49/2019/20' },
    },
  },
  'list-state-figures': {
    summary: 'The latest figure of every metric reported for a state',
    query: queries.noQuery(),
    success: json(latestFiguresResponseSchema),
    example: { path: { code: 'RU' } },
  },
  'get-figure-history': {
    summary: 'Every figure of one metric for a state, oldest first',
    query: queries.noQuery(),
    success: json(figureHistoryResponseSchema),
    example: { path: { code: 'RU', metric: 'work-permits.valid' } },
  },
  'record-figure': {
    summary: 'Records a figure of one metric for a state',
    body: { schema: figureInputSchema },
    success: json(recordedFigureResponseSchema),
    conflict: 'another write changed the figure first; send it again',
    example: { path: { code: 'RU', metric: 'work-permits.valid' }, body: exampleFigure },
  },
  'record-trigger': {
    summary: 'Records the day the event happened that starts a state’s conditional duty',
    body: { schema: triggerInputSchema },
    success: json(storedTriggerSchema, 201),
    conflict: 'the trigger is recorded already',
    example: { path: { code: 'DE' }, body: { obligationId: '2428-p10-inspection-followup', on: '2019-01-10' } },
  },
  'list-world-figures': {
    summary: 'The latest worldwide figure of every metric',
    query: queries.noQuery(),
    success: json(latestFiguresResponseSchema),
    example: {},
  },
  'get-world-figure-history': {
    summary: 'Every worldwide figure of one metric, oldest first',
    query: queries.noQuery(),
    success: json(figureHistoryResponseSchema),
    example: { path: { metric: 'work-permits.valid' } },
  },
  'record-world-figure': {
    summary: 'Records a worldwide figure of one metric',
    body: { schema: figureInputSchema },
    success: json(recordedFigureResponseSchema),
    conflict: 'another write changed the figure first; send it again',
    example: { path: { metric: 'work-permits.valid' }, body: exampleFigure },
  },
  'list-groups': {
    summary: 'Regions, UN regional groups and the admins’ custom groups',
    query: queries.noQuery(),
    success: json(groupListResponseSchema),
    example: {},
  },
  'get-group': {
    summary: 'A group and its members',
    query: queries.noQuery(),
    success: json(groupResponseSchema),
    example: { path: { id: 'africa' } },
  },
  'list-obligations': {
    summary: 'The obligations catalogue, earliest deadline first, paged by `next`',
    query: queries.obligationsQuery(),
    success: json(obligationPageResponseSchema),
    example: { query: { committee: '1718', limit: '10' } },
  },
  'get-obligation-history': {
    summary: 'Day by day, how many states had reported on an obligation and how many were overdue',
    query: queries.obligationHistoryQuery(),
    success: json(reportingHistoryResponseSchema),
    example: { path: { id: '2397-p8-midterm' }, query: { from: '2019-12-01', to: '2019-12-31' } },
  },
  'create-obligation': {
    summary: 'Adds an obligation to the catalogue; 409 if the id is taken',
    body: { schema: obligationInputSchema },
    success: json(obligationResponseSchema, 201),
    conflict: 'the id is taken',
    example: {
      body: {
        id: '2397-p8-midterm',
        resolution: '2397',
        paragraph: '8',
        title: 'Midterm report on repatriated DPRK workers',
        description: '',
        kind: 'report',
        adoptedOn: '2017-12-22',
        dueOffsetMonths: 15,
        appliesTo: { scope: 'all' },
        source: { document: 'S/RES/2397 (2017)' },
      },
    },
  },
  'list-metrics': {
    summary: 'The metrics catalogue',
    query: queries.noQuery(),
    success: json(metricListResponseSchema),
    example: {},
  },
  'create-metric': {
    summary: 'Adds a metric to the catalogue',
    body: { schema: metricInputSchema },
    success: json(metricSchema, 201),
    conflict: 'the id is taken',
    example: {
      body: { id: 'workers.remaining', title: 'DPRK workers remaining', unit: 'persons', description: '' },
    },
  },
  'get-status-board': {
    summary: 'The status board: counts by status and the overdue states per obligation',
    query: queries.statusQuery(),
    success: json(statusBoardResponseSchema),
    example: { query: { asOf: '2019-12-16', obligation: '2397-p8-midterm' } },
  },
  'get-board': {
    summary: 'The status board as an HTML page with a world map',
    query: queries.boardQuery(),
    success: page(),
    example: { query: { obligation: '2397-p8-midterm', sort: '-days' } },
  },
  'get-state-board': {
    summary: 'One state’s standing as an HTML page',
    query: queries.stateBoardQuery(),
    success: page(),
    example: { path: { code: 'NG' } },
  },
  'list-alerts': {
    summary: 'Stored alert events, oldest first, paged by `next`',
    query: queries.alertsQuery(),
    success: json(alertListResponseSchema),
    example: { query: { type: 'report.overdue', since: '2019-12-01', limit: '50' } },
  },
  'get-calendar': {
    summary: 'The deadlines as an iCalendar feed: who still owes each',
    query: queries.calendarQuery(),
    success: { status: 200, contentType: 'text/calendar; charset=utf-8' },
    example: { query: { committee: '1718' } },
  },
  'run-check': {
    summary: 'Runs the deadline check as of `at` (default now) and returns the events it emitted',
    body: { schema: checkRunBodySchema, optional: true },
    success: json(checkRunResponseSchema),
    example: { body: { at: '2019-12-16T00:00:00Z' } },
  },
  'create-import': {
    summary: 'Imports reports and figures from a CSV or JSON lines file',
    query: queries.importQuery(),
    rawBody: {
      contentTypes: ['text/csv', 'application/x-ndjson'],
      description: 'The file as it is: one report or figure per row or line; see the README for the columns.',
    },
    success: json(importResponseSchema),
    example: { query: { dryRun: 'true' } },
  },
  'create-watch': {
    summary: 'Registers a watch for the token’s owner; it waits for its address to be confirmed',
    body: { schema: watchInputSchema },
    success: { ...json(watchViewSchema, 201), location: 'The new watch: `/watches/{id}`.' },
    example: { body: exampleWatch },
  },
  'list-watches': {
    summary: 'The caller’s watches; an admin may name another owner',
    query: queries.watchesQuery(),
    success: json(watchListResponseSchema),
    example: {},
  },
  'get-watch': {
    summary: 'One of the caller’s watches',
    query: queries.noQuery(),
    success: json(watchViewSchema),
    example: { path: watchId },
  },
  'update-watch': {
    summary: 'Changes a watch: objects replace the stored ones whole; null clears an optional field',
    body: { schema: watchPatchSchema },
    success: json(watchViewSchema),
    conflict: 'pausing or resuming a watch whose address is not confirmed, or another request changed it meanwhile',
    example: { path: watchId, body: { status: 'paused' } },
  },
  'delete-watch': { summary: 'Deletes a watch', success: json(undefined, 204), example: { path: watchId } },
  'delete-me': {
    summary: 'Erases every watch of the caller and every address no other owner uses',
    success: json(undefined, 204),
    example: {},
  },
  'request-watch-confirmation': {
    summary: 'Sends a new confirmation link or code to the watch’s address',
    success: json(watchViewSchema),
    conflict: 'the address is confirmed already',
    example: { path: watchId },
  },
  'verify-watch': {
    summary: 'The SMS opt-in: the right code activates the number’s watches',
    body: { schema: smsCodeBodySchema },
    success: json(watchViewSchema),
    conflict: 'no code is waiting, it expired, or too many were wrong',
    example: { path: watchId, body: { code: '123456' } },
  },
  'test-watch': {
    summary: 'Sends the watch’s address a test message',
    success: json(testMessageResponseSchema),
    conflict: 'the watch’s address is not confirmed yet',
    example: { path: watchId },
  },
  'list-watch-deliveries': {
    summary: 'The watch’s delivery log, paged by `next`',
    query: queries.deliveriesQuery(),
    success: json(deliveryListResponseSchema),
    example: { path: watchId, query: { limit: '20' } },
  },
  'preview-watch': {
    summary: 'What a run would send the watch’s contact now, or as of `asOf`',
    query: queries.previewQuery(),
    success: json(watchPreviewResponseSchema),
    example: { path: watchId, query: { asOf: '2019-12-16' } },
  },
  'rotate-watch-feed-key': {
    summary: 'A new feed key for the watch’s Atom feed; the old one stops working',
    query: queries.noQuery(),
    success: json(feedKeyResponseSchema),
    example: { path: watchId },
  },
  'get-watch-feed': {
    summary: 'The watch’s alerts as an Atom feed; the key in the query string is the credential',
    query: queries.feedQuery(),
    success: { status: 200, contentType: 'application/atom+xml; charset=utf-8' },
    example: { path: watchId, query: { key: linkSignature } },
  },
  'get-unsubscribe': {
    summary: 'The unsubscribe link’s page, which asks (scanners open links)',
    query: queries.unsubscribeLinkQuery(),
    success: page(),
    example: { query: { c: 'email:ana@example.org', s: linkSignature } },
  },
  unsubscribe: {
    summary: 'Unsubscribes the link’s address (RFC 8058 one-click)',
    query: queries.unsubscribeLinkQuery(),
    rawBody: {
      contentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
      description: '`List-Unsubscribe=One-Click`, as RFC 8058 has mail clients send it.',
    },
    success: page(),
    example: { query: { c: 'email:ana@example.org', s: linkSignature } },
  },
  'get-confirmation': {
    summary: 'The confirmation link’s page, which asks',
    query: queries.confirmationLinkQuery(),
    success: page(),
    example: {
      query: { c: 'email:ana@example.org', o: 'owner-1', x: '2019-12-19T00:00:00Z', s: linkSignature },
    },
  },
  confirm: {
    summary: 'Confirms the owner’s request to send to the link’s address',
    query: queries.confirmationLinkQuery(),
    success: page(),
    conflict: 'the link expired, or a newer one replaced it',
    example: {
      query: { c: 'email:ana@example.org', o: 'owner-1', x: '2019-12-19T00:00:00Z', s: linkSignature },
    },
  },
  'create-subscription': {
    summary: 'Signs an address up without an account; it is asked to confirm by link or code',
    body: { schema: subscriptionFormSchema, form: true },
    success: json(signupAcceptedResponseSchema, 202),
    example: { body: { email: 'ana@example.org', groups: ['africa'], events: ['report.overdue'] } },
  },
  'verify-subscription': {
    summary: 'The code a phone sign-up texted: the right one confirms the subscription',
    body: { schema: subscriptionFormSchema, form: true },
    success: json(signupVerifiedResponseSchema),
    conflict: 'no code is waiting for the number, it expired, or too many were wrong',
    example: { body: { phone: '+447700900123', code: '123456' } },
  },
  'get-manage': {
    summary: 'The signed manage link’s page: change, pause or erase the subscription',
    query: queries.manageTokenQuery(),
    success: page(),
    example: { query: { token: `owner-1.${linkSignature}` } },
  },
  manage: {
    summary: 'The manage page’s forms, by their `action`',
    query: queries.manageTokenQuery(),
    body: { schema: subscriptionFormSchema, form: true },
    success: page(),
    conflict: 'pausing or resuming a subscription that is not active',
    example: { query: { token: `owner-1.${linkSignature}` }, body: { action: 'pause' } },
  },
  'get-openapi-document': {
    summary: 'This API’s OpenAPI 3.1 document',
    query: queries.noQuery(),
    success: json(),
    example: {},
  },
  'get-api-docs': {
    summary: 'This API’s routes, parameters and schemas as an HTML page',
    query: queries.noQuery(),
    success: page(),
    example: {},
  },
  'list-proposals': {
    summary:
      'What the source job found in the UN’s feeds, by status (pending unless asked), oldest first, paged by `next`',
    query: queries.proposalsQuery(),
    success: json(proposalListResponseSchema),
    example: { query: { status: 'pending', limit: '20' } },
  },
  'accept-proposal': {
    summary:
      'Accepts a proposal: records the report as `POST /states/{code}/reports` does, with the document’s symbol and URL as its source; the body corrects what the proposal settled or adds what it did not',
    body: { schema: acceptProposalSchema, optional: true },
    success: json(acceptedProposalResponseSchema, 201),
    conflict:
      'the proposal was accepted or rejected already (`proposal-decided`), another admin is accepting it (`proposal-being-reviewed`, for up to 2 minutes), this accept held it longer than 2 minutes and lost the hold after recording the report (`proposal-hold-lost`; the report stands), or the state’s report on the obligation is recorded already (`report-exists`; the proposal stays pending)',
    example: { path: { id: 'Uy9BQy40OS8yMDI0LzY' }, body: { obligationId: '2397-p8-final' } },
  },
  'reject-proposal': {
    summary: 'Rejects a proposal, with the reason: the document is not a report',
    body: { schema: rejectProposalSchema },
    success: json(z.strictObject({ proposal: proposalViewSchema })),
    conflict:
      'the proposal was accepted or rejected already (`proposal-decided`), or another admin is accepting it (`proposal-being-reviewed`, for up to 2 minutes)',
    example: { path: { id: 'Uy9BQy40OS8yMDI0LzY' }, body: { reason: 'A note on another matter' } },
  },
};
