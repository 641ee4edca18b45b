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
  /** Handler module, relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** What the function may do with the table. */
  readonly tableAccess: 'read' | 'read-write';
  /**
   * public: no token (read-only public data). user: a valid token. admin: a valid token whose
   * `cognito:groups` claim holds `admins`; the handler checks the group, the authorizer the token.
   */
  readonly auth: 'public' | 'user' | 'admin';
  /** Whether the function sends through the notifier (SNS in AWS): it gets the notifier's settings and permissions. */
  readonly notifies: boolean;
}

const route = (
  id: string,
  method: RouteDefinition['method'],
  path: string,
  tableAccess: RouteDefinition['tableAccess'],
  auth: RouteDefinition['auth'],
  notifies = false,
): RouteDefinition => ({ id, method, path, entry: `lambdas/handlers/http/${id}.ts`, tableAccess, auth, notifies });

/** Marks a route whose function sends email or SMS (a confirmation, a code, a test message). */
const NOTIFIES = true;

export const routes: readonly RouteDefinition[] = [
  route('list-states', 'GET', '/states', 'read', 'public'),
  route('get-state', 'GET', '/states/{code}', 'read', 'public'),
  route('record-report', 'POST', '/states/{code}/reports', 'read-write', 'admin'),
  route('list-state-figures', 'GET', '/states/{code}/figures', 'read', 'public'),
  route('get-figure-history', 'GET', '/states/{code}/figures/{metric}', 'read', 'public'),
  route('record-figure', 'PUT', '/states/{code}/figures/{metric}', 'read-write', 'admin'),
  route('list-groups', 'GET', '/groups', 'read', 'public'),
  route('get-group', 'GET', '/groups/{id}', 'read', 'public'),
  route('list-obligations', 'GET', '/obligations', 'read', 'public'),
  route('create-obligation', 'POST', '/obligations', 'read-write', 'admin'),
  route('list-metrics', 'GET', '/metrics', 'read', 'public'),
  route('create-metric', 'POST', '/metrics', 'read-write', 'admin'),
  route('get-status-board', 'GET', '/status', 'read', 'public'),
  route('list-alerts', 'GET', '/alerts', 'read', 'public'),
  route('run-check', 'POST', '/checks', 'read-write', 'admin'),
  route('create-watch', 'POST', '/watches', 'read-write', 'user', NOTIFIES),
  route('list-watches', 'GET', '/watches', 'read', 'user'),
  route('get-watch', 'GET', '/watches/{id}', 'read', 'user'),
  route('update-watch', 'PATCH', '/watches/{id}', 'read-write', 'user', NOTIFIES),
  route('delete-watch', 'DELETE', '/watches/{id}', 'read-write', 'user'),
  route('request-watch-confirmation', 'POST', '/watches/{id}/confirmation', 'read-write', 'user', NOTIFIES),
  route('verify-watch', 'POST', '/watches/{id}/verify', 'read-write', 'user'),
  route('test-watch', 'POST', '/watches/{id}/test', 'read-write', 'user', NOTIFIES),
  route('list-watch-deliveries', 'GET', '/watches/{id}/deliveries', 'read', 'user'),
  route('preview-watch', 'GET', '/watches/{id}/preview', 'read', 'user'),
];

/** Functions that no route invokes: the schedules and CloudFormation do. */
export const scheduledDeadlineCheckEntry = 'lambdas/handlers/scheduled-deadline-check.ts';

/** Hourly: reconciles email subscriptions with SNS, re-announces what is still overdue, and sends digests. */
export const scheduledDeliveryEntry = 'lambdas/handlers/scheduled-delivery.ts';
