import type { RouteDefinition } from '../../contracts/routes.ts';

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly pathParameters: Record<string, string>;
}

const segments = (path: string): string[] => path.split('/').filter((part) => part !== '');

/** The route's path parameters and how many literal segments matched, or undefined when the path is not the route's. */
const matchPath = (route: RouteDefinition, requested: readonly string[]) => {
  const pattern = segments(route.path);
  if (pattern.length !== requested.length) return undefined;
  const pathParameters: Record<string, string> = {};
  let literals = 0;
  for (const [index, part] of pattern.entries()) {
    const actual = requested[index] ?? '';
    const param = /^\{(\w+)\}$/.exec(part);
    if (param?.[1]) pathParameters[param[1]] = actual;
    else if (part === actual) literals += 1;
    else return undefined;
  }
  return { route, pathParameters, literals };
};

/** HEAD is served by the GET route of the path, as in AWS, where each GET route has a HEAD twin (lib/constructs/http-api.ts). */
const routeMethodOf = (method: string): string => (method === 'HEAD' ? 'GET' : method);

/**
 * Finds the route API Gateway would pick: literal segments beat `{param}` segments, as in
 * HTTP APIs. Returns undefined when no route has the path and method.
 */
export const matchRoute = (
  routes: readonly RouteDefinition[],
  method: string,
  rawPath: string,
): RouteMatch | undefined => {
  const requested = segments(rawPath);
  const best = routes
    .filter((route) => route.method === routeMethodOf(method))
    .map((route) => matchPath(route, requested))
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => b.literals - a.literals)[0];
  return best && { route: best.route, pathParameters: best.pathParameters };
};

/** The methods a path answers, as an `Allow` header lists them (HEAD with GET); none when no route has the path. */
export const allowedMethods = (routes: readonly RouteDefinition[], rawPath: string): string[] => {
  const requested = segments(rawPath);
  const methods = new Set<string>(
    routes.filter((route) => matchPath(route, requested) !== undefined).map((route) => route.method),
  );
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
};
