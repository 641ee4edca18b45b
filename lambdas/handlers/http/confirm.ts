import * as aws from '../../aws-dependencies.ts';
import { confirmedPage } from '../../core/contacts/confirmation-page.ts';
import { confirmLink, type SignupConfirmDependencies } from '../../core/subscriptions/complete-signup.ts';
import { managePath } from '../../core/subscriptions/manage-link.ts';
import { publicOwnerOf } from '../../core/subscriptions/public-owner.ts';
import { subscribedPage } from '../../core/subscriptions/subscription-pages.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { confirmationLinkOf } from './confirmation-link-query.ts';
import { httpHandler, okText } from './http-handler.ts';

/**
 * POST /confirm?c=&o=&x=&s= — the confirmation page's button: the address says yes to the owner
 * who asked, and that owner's watches on it turn active; the address's own sign-up becomes its
 * watch, and the page links to where it is managed. Confirming twice answers the same.
 */
export const handlerFor = (deps: SignupConfirmDependencies) =>
  httpHandler(async (event) => {
    const { link, signature } = confirmationLinkOf(event);
    await confirmLink(link, signature, deps);
    const page =
      link.owner === publicOwnerOf(link.contact)
        ? subscribedPage(link.contact, managePath(await deps.linkSecret(), link.contact))
        : confirmedPage(link.contact);
    return okText(page, 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
  });

export const handler = lazyHandler(() => handlerFor(aws.signupConfirmation()));
