import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { needsToken, type RouteDefinition } from '../lambdas/contracts/routes.ts';
import { handlerFor as unroutedFor } from '../lambdas/handlers/http/unrouted.ts';
import { apiGatewayEvent, matchRoute } from './api-gateway-event.ts';
import { corsResponseHeaders, isPreflight, preflightHeaders } from './cors.ts';
import { jwtAuthorizer, UNAUTHORIZED_BODY, UNAUTHORIZED_CHALLENGE } from './jwt-authorizer.ts';
import { localLambdaContext } from './lambda-context.ts';
import type { LocalIdentity } from './local-identity.ts';

export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** API Gateway's payload limit: larger bodies are refused before any function runs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const errorBody = (code: string, message: string): string => JSON.stringify({ error: { code, message } });

const readBody = async (request: IncomingMessage): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** What the local API serves once its URL is known, which the handlers' dependencies need. */
export interface LocalApiHandlers {
  /** By route id. */
  readonly handlers: Readonly<Record<string, HttpLambda>>;
}

export interface LocalApi {
  readonly url: string;
  readonly server: Server;
  /** Starts serving these handlers; until then every request answers 404, as before a deploy completes. */
  serve(handlers: LocalApiHandlers): void;
  close(): Promise<void>;
}

/**
 * Serves the API's Lambda handlers over HTTP the way API Gateway (HTTP API) would: the same route
 * table, the same v2 events, the same structured results. Listens first, so that the handlers can
 * be built with its URL and then handed to `serve`.
 */
export const startLocalApi = async (options: {
  readonly routes: readonly RouteDefinition[];
  readonly port: number;
  readonly host?: string;
  /** Verifies tokens for 'user' and 'admin' routes; without one, those routes always answer 401. */
  readonly identity?: LocalIdentity;
}): Promise<LocalApi> => {
  let served: LocalApiHandlers = { handlers: {} };
  const unrouted = unroutedFor(options.routes);
  const server = createServer((request, response) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    const send = (status: number, body: string | Buffer, sent: Record<string, string> = {}) => {
      // API Gateway sets the CORS headers from the API's configuration and drops any the function sent.
      const own = Object.entries(sent).filter(([name]) => !name.toLowerCase().startsWith('access-control-'));
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...Object.fromEntries(own),
        ...corsResponseHeaders(headers),
      });
      response.end(body);
    };
    const sendResult = (result: APIGatewayProxyResultV2) => {
      if (typeof result === 'string') return send(200, result);
      send(
        result.statusCode ?? 200,
        // API Gateway decodes a base64 body (a compressed one) before sending it.
        result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''),
        Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
      );
    };
    void (async () => {
      const method = request.method ?? 'GET';
      const url = request.url ?? '/';
      // API Gateway answers preflights itself, before any route or authorizer.
      if (isPreflight(method, headers)) {
        response.writeHead(204, preflightHeaders(headers));
        return response.end();
      }
      const match = matchRoute(options.routes, method, new URL(url, 'http://localhost').pathname);
      const handler = match && served.handlers[match.route.id];
      // Until `serve`, as before a deploy completes, nothing answers; after, the catch-all does.
      if (match && !handler)
        return send(404, errorBody('route-not-found', `No route for ${method} ${url.split('?')[0]}`));
      const body = await readBody(request);
      if (body === undefined)
        return send(413, errorBody('payload-too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`));
      const incoming = { method, url, headers, body, sourceIp: request.socket.remoteAddress ?? '127.0.0.1' };
      if (!match || !handler) {
        const result = await unrouted(apiGatewayEvent(incoming, undefined, new Date()), localLambdaContext('unrouted'));
        return sendResult(result);
      }
      // The authorizer runs before the integration: a refused token never reaches the function.
      const authorizer = needsToken(match.route)
        ? await jwtAuthorizer(options.identity, headers.authorization)
        : undefined;
      if (needsToken(match.route) && !authorizer)
        return send(401, UNAUTHORIZED_BODY, { 'www-authenticate': UNAUTHORIZED_CHALLENGE });
      const plainEvent = apiGatewayEvent(incoming, match, new Date());
      const event = authorizer
        ? { ...plainEvent, requestContext: { ...plainEvent.requestContext, authorizer } }
        : plainEvent;
      // The route's own timeout, as its function has in AWS; the base function's otherwise.
      const timeoutMs = match.route.sizing === undefined ? undefined : match.route.sizing.timeoutSeconds * 1000;
      sendResult(await handler(event, localLambdaContext(match.route.id, timeoutMs)));
    })().catch((error: unknown) => {
      // API Gateway answers a crashed integration with 500; the handler's own mapper should prevent this.
      console.error(JSON.stringify({ level: 'ERROR', message: 'local API integration failed', error: String(error) }));
      if (!response.headersSent) send(500, errorBody('internal-error', 'Internal Server Error'));
    });
  });
  await new Promise<void>((done) => server.listen(options.port, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    server,
    serve: (handlers) => {
      served = handlers;
    },
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
};
