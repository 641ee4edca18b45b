import { ApiError, ApiUnreachableError } from './api-errors.ts';
import { isLocalApi } from './api-url.ts';

/** The API starts field errors with `Field "x" ...`; the CLI shows `field "x": ...`, the field first and set apart. */
const FIELD_PREFIX = /^(Field|Query parameter|Path parameter) "([^"]*)" /;

const apiErrorText = (error: ApiError): string => {
  const match = FIELD_PREFIX.exec(error.message);
  const text =
    match?.[1] && match[2] === error.field
      ? `${match[1].toLowerCase()} "${match[2]}": ${error.message.slice(match[0].length)}`
      : error.message;
  // API Gateway's bare 401 says nothing about what to do.
  const hint = error.status === 401 ? '; pass a valid token with --token or SANCTIONS_WATCH_TOKEN' : '';
  return `${text}${hint} (${error.status})`;
};

/** Any failure of a command, as the one line printed on stderr. */
export const errorLine = (error: unknown): string => {
  if (error instanceof ApiError) return `error: ${apiErrorText(error)}`;
  if (error instanceof ApiUnreachableError) {
    const hint = isLocalApi(error.url)
      ? 'is it running? npm start starts it'
      : 'check the URL given with --api or SANCTIONS_WATCH_API';
    return `error: cannot reach the API at ${error.url} (${error.message}); ${hint}`;
  }
  // Other messages may span lines (a stack in a cause); the first says what happened.
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message.split('\n')[0] ?? ''}`;
};
