import * as z from 'zod/mini';
import { ApiError, ApiUnreachableError, UnexpectedResponseError } from './api-errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequestOptions {
  /** Query parameters; undefined ones are left out, so optional flags pass straight through. */
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is, with its content type (a file to import), instead of a JSON body. */
  readonly text?: { readonly body: string; readonly contentType: string };
}

/**
 * The one thing commands need from the API. Commands take this interface rather than fetch, so
 * tests can hand them a client for the test API, or a fake.
 */
export interface ApiClient {
  /**
   * The parsed JSON of a 2xx answer (undefined when it is empty, as for 204). Throws ApiError for
   * any other status, ApiUnreachableError when nothing answers, UnexpectedResponseError for non-JSON.
   */
  request(method: HttpMethod, path: string, options?: ApiRequestOptions): Promise<unknown>;
}

export interface ApiClientOptions {
  readonly baseUrl: string;
  readonly token?: string;
  /** Injected by tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** The service's error body, and API Gateway's own (its authorizer answers `{"message": "Unauthorized"}`). */
const serviceErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
});
const gatewayErrorSchema = z.object({ message: z.string() });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const apiErrorOf = (status: number, text: string): ApiError => {
  const body = parseJson(text);
  const service = serviceErrorSchema.safeParse(body);
  if (service.success) return new ApiError(status, service.data.error.message, { ...service.data.error, body });
  const gateway = gatewayErrorSchema.safeParse(body);
  if (gateway.success) return new ApiError(status, gateway.data.message);
  // Something else answered (a proxy, a wrong URL): its first line says more than nothing, within reason.
  const firstLine = text.trim().split('\n')[0]?.slice(0, 200) ?? '';
  return new ApiError(status, firstLine === '' ? 'no error message' : firstLine);
};

/** fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, ...). */
const reasonOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error.message;
};

const urlOf = (baseUrl: string, path: string, query: ApiRequestOptions['query'] = {}): URL => {
  // Joined by hand: `new URL(path, base)` would drop a base path such as API Gateway's stage (`/prod`).
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  return url;
};

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const send = options.fetch ?? fetch;
  return {
    request: async (method, path, { query, body, text: raw } = {}) => {
      const url = urlOf(options.baseUrl, path, query);
      const headers = new Headers({ accept: 'application/json' });
      if (options.token !== undefined) headers.set('authorization', `Bearer ${options.token}`);
      if (body !== undefined) headers.set('content-type', 'application/json');
      if (raw !== undefined) headers.set('content-type', raw.contentType);
      let response: Response;
      let text: string;
      try {
        response = await send(url, {
          method,
          headers,
          body: raw?.body ?? (body === undefined ? undefined : JSON.stringify(body)),
        });
        text = await response.text();
      } catch (error) {
        throw new ApiUnreachableError(options.baseUrl, reasonOf(error));
      }
      if (!response.ok) throw apiErrorOf(response.status, text);
      if (text.trim() === '') return undefined;
      const parsed = parseJson(text);
      if (parsed === undefined)
        throw new UnexpectedResponseError(
          `${method} ${url.pathname} answered ${response.status} with something that is not JSON; is ${options.baseUrl} the sanctions-watch API?`,
        );
      return parsed;
    },
  };
};
