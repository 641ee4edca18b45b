import * as z from 'zod/mini';
import { publicAlertEventTypes } from '../alerts/alert-event.ts';
import { overdueSorts } from '../board/board-page-query.ts';
import { LINK_SIGNATURE } from '../contacts/signed-link.ts';
import { UNSUBSCRIBE_SIGNATURE } from '../contacts/unsubscribe-link.ts';
import { FEED_MAX_PAGE } from '../feeds/watch-feed.ts';
import { lazy } from '../lazy.ts';
import { proposalStatuses } from '../sources/stored-proposal.ts';
import {
  committeeSchema,
  isoDateSchema,
  isoInstantSchema,
  momentSchema,
  slugSchema,
} from '../validation/common-schemas.ts';
import { afterParameter, limitParameter } from '../validation/query-schemas.ts';

/*
 * The query string each route accepts, as the handlers parse it and the OpenAPI document
 * describes it: one shape per route, so the two cannot drift apart. Each is built on first use:
 * zod calls are not pure to the bundler, so shapes built at load would run in every function.
 */

/** A route that takes no query parameters: any is refused, as a typo would be. */
export const noQuery = /* @__PURE__ */ lazy(() => ({}));

export const statesQuery = /* @__PURE__ */ lazy(() => ({ group: z.optional(z.string()) }));

export const stateQuery = /* @__PURE__ */ lazy(() => ({ asOf: z.optional(isoDateSchema) }));

export const boardQuery = /* @__PURE__ */ lazy(() => ({
  asOf: z.optional(isoDateSchema),
  obligation: z.optional(z.string()),
  group: z.optional(z.string()),
  sort: z.optional(z.enum(overdueSorts)),
  regime: z.optional(slugSchema),
}));

export const stateBoardQuery = /* @__PURE__ */ lazy(() => ({
  asOf: z.optional(isoDateSchema),
  regime: z.optional(slugSchema),
}));

export const statusQuery = /* @__PURE__ */ lazy(() => ({
  asOf: z.optional(isoDateSchema),
  obligation: z.optional(z.string()),
  group: z.optional(z.string()),
}));

export const obligationsQuery = /* @__PURE__ */ lazy(() => ({
  committee: z.optional(committeeSchema),
  resolution: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be the resolution number, e.g. "2397"'))),
  kind: z.optional(z.enum(['report', 'action'])),
  limit: limitParameter(500, 100),
  after: afterParameter,
}));

export const obligationHistoryQuery = /* @__PURE__ */ lazy(() => ({
  from: isoDateSchema,
  to: isoDateSchema,
  group: z.optional(z.string()),
}));

export const alertsQuery = /* @__PURE__ */ lazy(() => ({
  state: z.optional(z.string()),
  type: z.optional(z.enum(publicAlertEventTypes)),
  since: z.optional(z.union([isoDateSchema, isoInstantSchema])),
  limit: limitParameter(1000, 100),
  after: afterParameter,
}));

export const calendarQuery = /* @__PURE__ */ lazy(() => ({
  group: z.optional(z.string()),
  state: z.optional(z.string()),
  obligation: z.optional(z.string()),
  committee: z.optional(committeeSchema),
}));

export const importQuery = /* @__PURE__ */ lazy(() => ({ dryRun: z.optional(z.enum(['true', 'false'])) }));

export const watchesQuery = /* @__PURE__ */ lazy(() => ({
  owner: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
}));

export const deliveriesQuery = /* @__PURE__ */ lazy(() => ({ limit: limitParameter(100, 20), after: afterParameter }));

export const previewQuery = /* @__PURE__ */ lazy(() => ({ asOf: z.optional(momentSchema) }));

/** The feed key is checked by the core, which answers a missing or wrong one alike; `page` as RFC 5005 pages the feed. */
export const feedQuery = /* @__PURE__ */ lazy(() => ({
  key: z.optional(z.string()),
  page: limitParameter(FEED_MAX_PAGE, 1),
}));

/** `?c=<contact>&o=<owner>&x=<confirm by>&s=<signature>`, as confirmationUrl writes them. */
export const confirmationLinkQuery = /* @__PURE__ */ lazy(() => ({
  c: z.string().check(z.regex(/^email:.{1,320}$/, 'must be the address named by the confirmation link')),
  o: z.string().check(z.regex(/^[\w.:@-]{1,128}$/, 'must be the owner named by the confirmation link')),
  x: z.iso.datetime({ error: 'must be the instant the confirmation link expires' }),
  s: z.string().check(z.regex(LINK_SIGNATURE, 'must be the signature of the confirmation link')),
}));

/** `?c=<contact>&s=<signature>`, as unsubscribeUrl writes them. */
export const unsubscribeLinkQuery = /* @__PURE__ */ lazy(() => ({
  c: z.string().check(z.regex(/^(email|sms):.{1,320}$/, 'must be the contact named by the unsubscribe link')),
  s: z.string().check(z.regex(UNSUBSCRIBE_SIGNATURE, 'must be the signature of the unsubscribe link')),
}));

/** `?token=`, as subscriberManageUrl writes it. */
export const manageTokenQuery = /* @__PURE__ */ lazy(() => ({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,500}\.[A-Za-z0-9_-]{43}$/, 'must be the token of the manage link')),
}));

/** `GET /proposals`: one status at a time, the pending ones unless asked. */
export const proposalsQuery = /* @__PURE__ */ lazy(() => ({
  status: z._default(z.enum(proposalStatuses, `must be one of ${proposalStatuses.join(', ')}`), 'pending'),
  limit: limitParameter(100, 20),
  after: afterParameter,
}));
