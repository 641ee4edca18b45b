import * as aws from '../../aws-dependencies.ts';
import { consentOfLink, type LinkConsentDependencies } from '../../core/contacts/confirm-consent.ts';
import { confirmationQuestionPage } from '../../core/contacts/confirmation-page.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { confirmationLinkOf } from './confirmation-link-query.ts';
import { httpHandler, okText } from './http-handler.ts';

/**
 * GET /confirm?c=&o=&x=&s= — what opening the link in a confirmation mail shows: a page that asks,
 * with a button that posts. It never confirms: mail scanners and link previews open links.
 */
export const handlerFor = (deps: LinkConsentDependencies) =>
  httpHandler(async (event) => {
    const { link, signature } = confirmationLinkOf(event);
    await consentOfLink(link, signature, deps);
    return okText(confirmationQuestionPage(link, signature), 'text/html; charset=utf-8', {
      'cache-control': 'no-store',
    });
  });

export const handler = lazyHandler(() => handlerFor(aws.linkConsent()));
