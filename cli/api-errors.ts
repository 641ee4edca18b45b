/**
 * What can go wrong talking to the API, kept apart from usage mistakes: each of these is shown as
 * one line on stderr with exit code 1.
 */

/** The API answered with an error status; `code` and `field` come from its `{"error": ...}` body when it has one. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly field: string | undefined;
  /** The whole error body, for answers that carry more than one message (an import's row errors). */
  readonly body: unknown;

  constructor(
    status: number,
    message: string,
    details: { readonly code?: string; readonly field?: string; readonly body?: unknown } = {},
  ) {
    super(message);
    this.status = status;
    this.code = details.code;
    this.field = details.field;
    this.body = details.body;
  }
}

/** No answer at all: nothing listening, a wrong host, a dropped connection. */
export class ApiUnreachableError extends Error {
  override name = 'ApiUnreachableError';
  readonly url: string;

  constructor(url: string, reason: string) {
    super(reason);
    this.url = url;
  }
}

/** An answer the CLI cannot read: not JSON, or not the shape it expects (another service, another version). */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
}
