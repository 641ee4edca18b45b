import * as aws from '../../aws-dependencies.ts';
import { type SignupDependencies, signUp } from '../../core/subscriptions/sign-up.ts';
import { HONEYPOT_FIELD } from '../../core/subscriptions/subscription-form.ts';
import { signupAnsweredPage } from '../../core/subscriptions/subscription-pages.ts';
import { destinationOf } from '../../core/watches/watch.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { isFormPost } from './form-input.ts';
import { type HttpResult, httpHandler, okText, type TextResult } from './http-handler.ts';
import { flatFieldsOf, refusalAsPage, signupInputOf } from './subscription-input.ts';

const NO_STORE = { 'cache-control': 'no-store' };

/** The one answer to a sign-up that was taken, whatever became of it: a page for the form, 202 for JSON. */
const answered = (form: boolean, channel: 'email' | 'sms', to: string): HttpResult | TextResult =>
  form
    ? okText(signupAnsweredPage(channel, to), 'text/html; charset=utf-8', NO_STORE)
    : { status: 202, body: { status: 'accepted', channel, to } };

/**
 * POST /subscriptions — the board's subscribe form (form-encoded; JSON also taken): someone
 * without an account asks for alerts to an address, which is asked to confirm (sign-up.ts). A
 * filled honeypot answers the same and sends nothing. A refusal of a form post is a page.
 */
export const handlerFor = (deps: SignupDependencies) =>
  httpHandler(async (event) => {
    const form = isFormPost(event);
    try {
      const fields = flatFieldsOf(event);
      if (fields[HONEYPOT_FIELD] !== undefined)
        return answered(form, fields.phone === undefined ? 'email' : 'sms', fields.email ?? fields.phone ?? '');
      const input = signupInputOf(fields);
      await signUp(input, deps);
      const { channel, to } = destinationOf(input.channel);
      return answered(form, channel, to);
    } catch (error) {
      if (form) return refusalAsPage(error);
      throw error;
    }
  });

export const handler = lazyHandler(() => handlerFor(aws.signups()));
