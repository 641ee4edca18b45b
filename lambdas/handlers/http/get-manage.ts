import * as aws from '../../aws-dependencies.ts';
import {
  contactOfToken,
  type ManageDependencies,
  subscriptionOf,
} from '../../core/subscriptions/manage-subscription.ts';
import { managePage } from '../../core/subscriptions/subscription-pages.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { manageTokenOf } from './manage-token-query.ts';
import { refusalAsPage } from './subscription-input.ts';

/**
 * GET /manage?token= — the page a subscriber's messages link to: their subscription and the forms
 * that change, pause or erase it. Opening it changes nothing: mail scanners open links.
 */
export const handlerFor = (deps: Pick<ManageDependencies, 'linkSecret' | 'watches'>) =>
  httpHandler(async (event) => {
    try {
      const token = manageTokenOf(event);
      const subscription = await subscriptionOf(await contactOfToken(token, deps), deps);
      return okText(managePage(subscription, token), 'text/html; charset=utf-8', { 'cache-control': 'no-store' });
    } catch (error) {
      return refusalAsPage(error);
    }
  });

export const handler = lazyHandler(() => handlerFor({ linkSecret: aws.linkSecret(), watches: aws.watches() }));
