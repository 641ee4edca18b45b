/**
 * Every HTTP route of the API, in one table. The CDK stack creates one function and one API
 * Gateway route per entry; the local runtime serves the same handlers from the same table.
 * Paths use API Gateway's `{param}` syntax.
 */
export interface RouteDefinition {
  /** Stable id: names the Lambda function and its handler file. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Handler module, relative to the project root; it exports `handler` (AWS) and `handlerFor` (any runtime). */
  readonly entry: string;
  /** What the function may do with the table. */
  readonly tableAccess: 'read' | 'read-write';
  /**
   * public: no token (read-only public data). key: no token either, the handler checks a secret
   * in the query string (a watch's feed key, for feed readers; an unsubscribe or confirmation
   * link's signature, for mail clients: neither can send a token). user: a
   * valid token. admin: a valid token whose `cognito:groups` claim holds `admins`; the handler
   * checks the group, the authorizer the token.
   */
  readonly auth: 'public' | 'key' | 'user' | 'admin';
  /** Whether the function sends email or SMS (SES and SNS in AWS): it gets the senders' settings and permissions. */
  readonly notifies: boolean;
  /** More memory (and so CPU) and time than the base function's 256 MB and 10 s, for a route that does bulk work. */
  readonly sizing?: { readonly memorySize: number; readonly timeoutSeconds: number };
}

const route = <Id extends string>(
  id: Id,
  method: RouteDefinition['method'],
  path: string,
  tableAccess: RouteDefinition['tableAccess'],
  auth: RouteDefinition['auth'],
  notifies = false,
): RouteDefinition & { readonly id: Id } => ({
  id,
  method,
  path,
  entry: `lambdas/handlers/http/${id}.ts`,
  tableAccess,
  auth,
  notifies,
});

/** Marks a route whose function sends email or SMS (a confirmation, a code, a test message). */
const NOTIFIES = true;

export const routes = [
  route('list-states', 'GET', '/states', 'read', 'public'),
  route('get-state', 'GET', '/states/{code}', 'read', 'public'),
  route('record-report', 'POST', '/states/{code}/reports', 'read-write', 'admin'),
  route('list-state-figures', 'GET', '/states/{code}/figures', 'read', 'public'),
  route('get-figure-history', 'GET', '/states/{code}/figures/{metric}', 'read', 'public'),
  route('record-figure', 'PUT', '/states/{code}/figures/{metric}', 'read-write', 'admin'),
  route('record-trigger', 'POST', '/states/{code}/triggers', 'read-write', 'admin'),
  route('list-world-figures', 'GET', '/world/figures', 'read', 'public'),
  route('get-world-figure-history', 'GET', '/world/figures/{metric}', 'read', 'public'),
  route('record-world-figure', 'PUT', '/world/figures/{metric}', 'read-write', 'admin'),
  route('list-groups', 'GET', '/groups', 'read', 'public'),
  route('get-group', 'GET', '/groups/{id}', 'read', 'public'),
  route('list-obligations', 'GET', '/obligations', 'read', 'public'),
  route('get-obligation-history', 'GET', '/obligations/{id}/history', 'read', 'public'),
  route('create-obligation', 'POST', '/obligations', 'read-write', 'admin'),
  route('list-metrics', 'GET', '/metrics', 'read', 'public'),
  route('create-metric', 'POST', '/metrics', 'read-write', 'admin'),
  route('get-status-board', 'GET', '/status', 'read', 'public'),
  // Projecting the map (once per cold start) and writing 100+ KB of HTML is CPU work: 1 GB gets four times the CPU share of 256 MB.
  { ...route('get-board', 'GET', '/board', 'read', 'public'), sizing: { memorySize: 1024, timeoutSeconds: 10 } },
  route('get-state-board', 'GET', '/board/states/{code}', 'read', 'public'),
  route('list-alerts', 'GET', '/alerts', 'read', 'public'),
  route('get-calendar', 'GET', '/calendar.ics', 'read', 'public'),
  // A check stores up to one event per state (193 conditional Puts) while an admin waits: allowed API Gateway's 30 s, not the base 10 s.
  { ...route('run-check', 'POST', '/checks', 'read-write', 'admin'), sizing: { memorySize: 512, timeoutSeconds: 29 } },
  // One vCPU (1,769 MB) to parse and check up to 20,000 rows, and 29 s: just inside API Gateway's 30 s integration timeout.
  {
    ...route('create-import', 'POST', '/imports', 'read-write', 'admin'),
    sizing: { memorySize: 1769, timeoutSeconds: 29 },
  },
  route('create-watch', 'POST', '/watches', 'read-write', 'user', NOTIFIES),
  route('list-watches', 'GET', '/watches', 'read', 'user'),
  route('get-watch', 'GET', '/watches/{id}', 'read', 'user'),
  route('update-watch', 'PATCH', '/watches/{id}', 'read-write', 'user', NOTIFIES),
  route('delete-watch', 'DELETE', '/watches/{id}', 'read-write', 'user'),
  // The caller's right to be forgotten: every watch (up to 100, each with up to 90 days of log), and every
  // address no other owner's watch uses. API Gateway's 30 s, not the base 10 s; cut short, it is simply asked again.
  { ...route('delete-me', 'DELETE', '/me', 'read-write', 'user'), sizing: { memorySize: 256, timeoutSeconds: 29 } },
  route('request-watch-confirmation', 'POST', '/watches/{id}/confirmation', 'read-write', 'user', NOTIFIES),
  route('verify-watch', 'POST', '/watches/{id}/verify', 'read-write', 'user'),
  route('test-watch', 'POST', '/watches/{id}/test', 'read-write', 'user', NOTIFIES),
  route('list-watch-deliveries', 'GET', '/watches/{id}/deliveries', 'read', 'user'),
  route('preview-watch', 'GET', '/watches/{id}/preview', 'read', 'user'),
  route('rotate-watch-feed-key', 'POST', '/watches/{id}/feed-key', 'read-write', 'user'),
  // Feed readers send no token: the key in the query string is the credential.
  route('get-watch-feed', 'GET', '/watches/{id}/feed.atom', 'read', 'key'),
  // The unsubscribe link of every email: GET shows a page that asks (scanners open links), POST
  // unsubscribes (RFC 8058 one-click). The link's signature is the credential.
  route('get-unsubscribe', 'GET', '/unsubscribe', 'read', 'key'),
  route('unsubscribe', 'POST', '/unsubscribe', 'read-write', 'key'),
  // The link of every confirmation mail, the same way: GET asks, POST confirms the owner's request.
  route('get-confirmation', 'GET', '/confirm', 'read', 'key'),
  route('confirm', 'POST', '/confirm', 'read-write', 'key'),
  // Subscribers without accounts: the board's form signs an address up (it is asked to confirm: a link
  // or a code, within the sign-up budgets), a phone returns its code, and the signed manage link of
  // every message to such a subscriber opens a page that changes, pauses or erases the subscription.
  route('create-subscription', 'POST', '/subscriptions', 'read-write', 'public', NOTIFIES),
  route('verify-subscription', 'POST', '/subscriptions/verify', 'read-write', 'public'),
  route('get-manage', 'GET', '/manage', 'read', 'key'),
  route('manage', 'POST', '/manage', 'read-write', 'key'),
  // The API's contract, for client generators and for people: built from the request and response schemas.
  route('get-openapi-document', 'GET', '/openapi.json', 'read', 'public'),
  route('get-api-docs', 'GET', '/docs', 'read', 'public'),
  // The source job's proposals: an admin reviews what it found (docs/sources.md).
  route('list-proposals', 'GET', '/proposals', 'read', 'admin'),
  route('accept-proposal', 'POST', '/proposals/{id}/accept', 'read-write', 'admin'),
  route('reject-proposal', 'POST', '/proposals/{id}/reject', 'read-write', 'admin'),
] as const satisfies readonly RouteDefinition[];

/** A route's id: the local runtime's handler registry must serve every one. */
export type RouteId = (typeof routes)[number]['id'];

/** Whether API Gateway (or the local server) must see a valid bearer token before the handler runs. */
export const needsToken = (route: Pick<RouteDefinition, 'auth'>): boolean =>
  route.auth === 'user' || route.auth === 'admin';
