import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { invalidInput } from '../../core/errors.ts';
import { type SignupConfirmDependencies, verifySignupCode } from '../../core/subscriptions/complete-signup.ts';
import { managePath } from '../../core/subscriptions/manage-link.ts';
import { subscribedPage } from '../../core/subscriptions/subscription-pages.ts';
import { contactOf } from '../../core/watches/watch.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { isFormPost } from './form-input.ts';
import { httpHandler, ok, okText } from './http-handler.ts';
import { parsedInput } from './request-input.ts';
import { flatFieldsOf, refusalAsPage } from './subscription-input.ts';

const codeFields = z.object({
  phone: z.string().check(z.regex(/^\+[1-9]\d{7,14}$/, 'must be the phone number the code was sent to')),
  code: z.string().check(z.regex(/^\d{6}$/, 'must be the six digits of the code')),
});

/**
 * POST /subscriptions/verify — the code a phone sign-up texted, typed into the page the sign-up
 * answered with: the right code confirms and makes the watch; a wrong one costs an attempt.
 */
export const handlerFor = (deps: SignupConfirmDependencies) =>
  httpHandler(async (event) => {
    const form = isFormPost(event);
    try {
      const fields = flatFieldsOf(event);
      if (fields.phone === undefined) throw invalidInput('phone', 'Field "phone" is required');
      const { phone, code } = parsedInput(fields, codeFields);
      const contact = contactOf({ channel: { sms: phone } });
      await verifySignupCode(contact, code, deps);
      const manage = `../${managePath(await deps.linkSecret(), contact)}`;
      return form
        ? okText(subscribedPage(contact, manage), 'text/html; charset=utf-8', { 'cache-control': 'no-store' })
        : ok({ status: 'subscribed', manage: manage.slice('../'.length) });
    } catch (error) {
      if (form) return refusalAsPage(error);
      throw error;
    }
  });

export const handler = lazyHandler(() => handlerFor(aws.signupConfirmation()));
