import { type RouteDefinition, routes } from '../../contracts/routes.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler } from './http-handler.ts';
import { allowedMethods } from './route-match.ts';

/**
 * The API's catch-all (`$default`): a request no route takes. A path the API has, asked with
 * another method, is answered 405 with the methods it allows (RFC 9110 §15.5.6); any other, 404.
 */
export const handlerFor = (table: readonly RouteDefinition[]) =>
  httpHandler(async (event) => {
    const { method } = event.requestContext.http;
    // HEAD with every GET, as the API routes it (lib/constructs/http-api.ts) and the local server serves it.
    const allowed = allowedMethods(table, event.rawPath);
    if (allowed.length === 0)
      return {
        status: 404,
        body: { error: { code: 'route-not-found', message: `No route for ${method} ${event.rawPath}` } },
      };
    return {
      status: 405,
      body: {
        error: {
          code: 'method-not-allowed',
          message: `${event.rawPath} answers ${allowed.join(', ')}, not ${method}`,
        },
      },
      headers: { allow: allowed.join(', ') },
    };
  });

export const handler = lazyHandler(() => handlerFor(routes));
