import * as aws from '../../aws-dependencies.ts';
import { checkUnsubscribeLink, type UnsubscribeDependencies } from '../../core/contacts/unsubscribe-contact.ts';
import { unsubscribeQuestionPage } from '../../core/contacts/unsubscribe-page.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { unsubscribeLinkOf } from './unsubscribe-link-query.ts';

/**
 * GET /unsubscribe?c=&s= — what opening an email's unsubscribe link shows: a page that asks, with a
 * button that posts. It never unsubscribes: mail scanners and link previews open links.
 */
export const handlerFor = (deps: Pick<UnsubscribeDependencies, 'linkSecret'>) =>
  httpHandler(async (event) => {
    const { contactId, signature } = unsubscribeLinkOf(event);
    await checkUnsubscribeLink(contactId, signature, deps);
    return okText(unsubscribeQuestionPage(contactId, signature), 'text/html; charset=utf-8', {
      'cache-control': 'no-store',
    });
  });

export const handler = lazyHandler(() => handlerFor({ linkSecret: aws.linkSecret() }));
