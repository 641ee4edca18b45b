import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as aws from '../../aws-dependencies.ts';
import {
  allowRequestsAgain,
  type UnsubscribeDependencies,
  unsubscribe,
} from '../../core/contacts/unsubscribe-contact.ts';
import { ALLOW_REQUESTS_FIELD, requestsAllowedPage, unsubscribedPage } from '../../core/contacts/unsubscribe-page.ts';
import { invalidInput } from '../../core/errors.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { textBody } from './request-input.ts';
import { unsubscribeLinkOf } from './unsubscribe-link-query.ts';

/** A one-click body is 26 bytes; a multipart one a few hundred. */
const MAX_BODY_BYTES = 4096;

/**
 * What the body asks: RFC 8058's `List-Unsubscribe=One-Click`, form-urlencoded (what the page's
 * button and most mail clients send) or as a multipart/form-data field (which the RFC prefers);
 * or, from the page that answers it, `Allow-Requests=Yes`.
 */
const actionOf = (event: APIGatewayProxyEventV2): 'unsubscribe' | 'allow-requests' | undefined => {
  const body = textBody(event, MAX_BODY_BYTES);
  const contentType = event.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data'))
    return /content-disposition:\s*form-data;\s*name="List-Unsubscribe"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/i.test(
      body,
    )
      ? 'unsubscribe'
      : undefined;
  const form = new URLSearchParams(body);
  if (form.get('List-Unsubscribe') === 'One-Click') return 'unsubscribe';
  return form.get(ALLOW_REQUESTS_FIELD) === 'Yes' ? 'allow-requests' : undefined;
};

const page = (html: string) => okText(html, 'text/html; charset=utf-8', { 'cache-control': 'no-store' });

/**
 * POST /unsubscribe?c=&s= — the one-click unsubscribe (RFC 8058) that mail clients send from the
 * `List-Unsubscribe` header, and the confirmation page's button: the signed link's address is
 * erased with every watch on it, and marked so no request reaches it again. Answers 200 with a
 * short page, unsubscribed before or not; that page's button posts `Allow-Requests=Yes` to the
 * same link, which lifts the mark (and subscribes nothing).
 */
export const handlerFor = (deps: UnsubscribeDependencies) =>
  httpHandler(async (event) => {
    const { contactId, signature } = unsubscribeLinkOf(event);
    const action = actionOf(event);
    if (action === 'allow-requests') {
      await allowRequestsAgain(contactId, signature, deps);
      return page(requestsAllowedPage(contactId));
    }
    if (action === undefined)
      throw invalidInput('List-Unsubscribe', 'The body must be the one-click form field List-Unsubscribe=One-Click');
    await unsubscribe(contactId, signature, deps);
    return page(unsubscribedPage(contactId, signature));
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.contactAccess(), linkSecret: aws.linkSecret() }));
