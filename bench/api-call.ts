/** What the API answered: the status and the parsed body (undefined when empty). */
export interface ApiAnswer {
  readonly status: number;
  readonly json: unknown;
}

/** One request to the local API, with a bearer token and a JSON body when given. */
export const callApi = async (
  apiUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<ApiAnswer> => {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

/** The body of an answer with the status a setup step needs; anything else stops the bench. */
export const expectStatus = (answer: ApiAnswer, status: number, what: string): unknown => {
  if (answer.status !== status)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
  return answer.json;
};

/** The `code` of an error body (`{"error": {"code", ...}}`), API Gateway's `message` (`{"message": "Unauthorized"}`), or the body itself. */
export const errorCode = (answer: ApiAnswer): string => {
  const body =
    typeof answer.json === 'object' && answer.json !== null
      ? (answer.json as { error?: { code?: unknown }; message?: unknown })
      : {};
  if (typeof body.error?.code === 'string') return body.error.code;
  return typeof body.message === 'string' ? body.message : JSON.stringify(answer.json ?? '').slice(0, 60);
};
