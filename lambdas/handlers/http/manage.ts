import * as aws from '../../aws-dependencies.ts';
import { unsubscribedPage } from '../../core/contacts/unsubscribe-page.ts';
import { invalidInput } from '../../core/errors.ts';
import {
  changeSubscription,
  contactOfToken,
  eraseSubscription,
  type ManageDependencies,
  pauseSubscription,
} from '../../core/subscriptions/manage-subscription.ts';
import { managePage } from '../../core/subscriptions/subscription-pages.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { manageTokenOf } from './manage-token-query.ts';
import { flatFieldsOf, refusalAsPage, subscriptionChangeOf } from './subscription-input.ts';

const HTML = 'text/html; charset=utf-8';
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * POST /manage?token= — the manage page's forms, by their `action`: `change` (states or groups,
 * and events), `pause`, `resume`, or `erase` (the one-click unsubscribe's erasure of the address).
 * Answers with the page as it now stands, or the unsubscribe's page.
 */
export const handlerFor = (deps: ManageDependencies) =>
  httpHandler(async (event) => {
    try {
      const token = manageTokenOf(event);
      const contact = await contactOfToken(token, deps);
      const fields = flatFieldsOf(event);
      switch (fields.action) {
        case 'erase':
          await eraseSubscription(contact, deps);
          return okText(unsubscribedPage(contact), HTML, NO_STORE);
        case 'pause':
        case 'resume': {
          const subscription = await pauseSubscription(contact, fields.action === 'pause', deps);
          return okText(
            managePage(subscription, token, fields.action === 'pause' ? 'Paused.' : 'Resumed.'),
            HTML,
            NO_STORE,
          );
        }
        case 'change': {
          const subscription = await changeSubscription(contact, subscriptionChangeOf(fields), deps);
          return okText(managePage(subscription, token, 'Saved.'), HTML, NO_STORE);
        }
        default:
          throw invalidInput('action', 'Field "action" must be change, pause, resume or erase');
      }
    } catch (error) {
      return refusalAsPage(error);
    }
  });

export const handler = lazyHandler(() =>
  handlerFor({ ...aws.contactAccess(), customGroups: aws.customGroups(), linkSecret: aws.linkSecret() }),
);
