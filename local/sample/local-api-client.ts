/** An error answer of the API, with its status and the body's one-line message. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, code: string | undefined, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.status = status;
    this.code = code;
  }
}

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly field?: string };
}

/** Calls the local API as one user, the way any client would: JSON over HTTP with a bearer token. */
export const apiCaller =
  (apiUrl: string, token: string): ApiCall =>
  async (method, path, body) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json: unknown = text === '' ? undefined : JSON.parse(text);
    if (response.ok) return json;
    const { error } = (json ?? {}) as ErrorBody;
    throw new ApiCallError(
      response.status,
      error?.code,
      `${method} ${path} answered ${response.status}: ${error?.message ?? text.slice(0, 200)}`,
    );
  };
