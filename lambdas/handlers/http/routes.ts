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
  /** Public routes serve reference data and need no token. */
  readonly auth: 'public' | 'user' | 'admin';
}

const route = (
  id: string,
  method: RouteDefinition['method'],
  path: string,
  tableAccess: RouteDefinition['tableAccess'],
  auth: RouteDefinition['auth'],
): RouteDefinition => ({ id, method, path, entry: `lambdas/handlers/http/${id}.ts`, tableAccess, auth });

export const routes: readonly RouteDefinition[] = [
  route('list-states', 'GET', '/states', 'read', 'public'),
  route('get-state', 'GET', '/states/{code}', 'read', 'public'),
  route('list-groups', 'GET', '/groups', 'read', 'public'),
  route('get-group', 'GET', '/groups/{id}', 'read', 'public'),
  route('list-obligations', 'GET', '/obligations', 'read', 'public'),
];
