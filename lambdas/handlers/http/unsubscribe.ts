import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as aws from '../../aws-dependencies.ts';
import { type UnsubscribeDependencies, unsubscribe } from '../../core/contacts/unsubscribe-contact.ts';
import { unsubscribedPage } from '../../core/contacts/unsubscribe-page.ts';
import { invalidInput } from '../../core/errors.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { textBody } from './request-input.ts';
import { unsubscribeLinkOf } from './unsubscribe-link-query.ts';

/** A one-click body is 26 bytes; a multipart one a few hundred. */
const MAX_BODY_BYTES = 4096;

/**
 * Whether the body is RFC 8058's `List-Unsubscribe=One-Click`, form-urlencoded (what the page's
 * button and most mail clients send) or as a multipart/form-data field (which the RFC prefers).
 */
const isOneClick = (event: APIGatewayProxyEventV2): boolean => {
  const body = textBody(event, MAX_BODY_BYTES);
  const contentType = event.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data'))
    return /content-disposition:\s*form-data;\s*name="List-Unsubscribe"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/i.test(
      body,
    );
  return new URLSearchParams(body).get('List-Unsubscribe') === 'One-Click';
};

/**
 * POST /unsubscribe?c=&s= — the one-click unsubscribe (RFC 8058) that mail clients send from the
 * `List-Unsubscribe` header, and the confirmation page's button: the signed link's contact turns
 * `gone` and every watch on it stops. Answers 200 with a short page, unsubscribed before or not.
 */
export const handlerFor = (deps: UnsubscribeDependencies) =>
  httpHandler(async (event) => {
    const { contactId, signature } = unsubscribeLinkOf(event);
    if (!isOneClick(event))
      throw invalidInput('List-Unsubscribe', 'The body must be the one-click form field List-Unsubscribe=One-Click');
    await unsubscribe(contactId, signature, deps);
    return okText(unsubscribedPage(contactId), 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.contactAccess(), linkSecret: aws.linkSecret() }));
