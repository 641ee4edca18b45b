import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { invalidInput } from '../../core/errors.ts';
import { MAX_BODY_BYTES, textBody } from './request-input.ts';

/** Whether the body is a page's form (`application/x-www-form-urlencoded`) rather than JSON. */
export const isFormPost = (event: APIGatewayProxyEventV2): boolean =>
  (event.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

/**
 * A form's fields: those named in `lists` as lists (a multiple select, checkboxes: repeated
 * names), the others as one value; empty values are left out, as a field left blank.
 */
export const formFields = (
  event: APIGatewayProxyEventV2,
  lists: readonly string[],
): Record<string, string | string[]> => {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(textBody(event, MAX_BODY_BYTES))) {
    if (value === '') continue;
    if (lists.includes(name)) {
      const list = fields[name];
      fields[name] = Array.isArray(list) ? [...list, value] : [value];
    } else if (name in fields) throw invalidInput(name, `Field "${name}" is given twice`);
    else fields[name] = value;
  }
  return fields;
};
