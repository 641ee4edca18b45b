import * as aws from '../../aws-dependencies.ts';
import { confirmByLink, type LinkConsentDependencies } from '../../core/contacts/confirm-consent.ts';
import { confirmedPage } from '../../core/contacts/confirmation-page.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { confirmationLinkOf } from './confirmation-link-query.ts';
import { httpHandler, okText } from './http-handler.ts';

/**
 * POST /confirm?c=&o=&x=&s= — the confirmation page's button: the address says yes to the owner
 * who asked, and that owner's watches on it turn active. Confirming twice answers the same.
 */
export const handlerFor = (deps: LinkConsentDependencies) =>
  httpHandler(async (event) => {
    const { link, signature } = confirmationLinkOf(event);
    await confirmByLink(link, signature, deps);
    return okText(confirmedPage(link.contact), 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
  });

export const handler = lazyHandler(() => handlerFor(aws.linkConsent()));
