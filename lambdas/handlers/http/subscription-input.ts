import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { subscriptionFormSchema } from '../../core/api/route-bodies.ts';
import { DomainError, invalidInput } from '../../core/errors.ts';
import {
  type SignupInput,
  type SubscriptionChange,
  signupSchema,
  subscriptionChangeSchema,
} from '../../core/subscriptions/signup-schema.ts';
import { refusalPage } from '../../core/subscriptions/subscription-pages.ts';
import { formFields, isFormPost } from './form-input.ts';
import { statusByKind } from './http-error-mapper.ts';
import type { TextResult } from './http-handler.ts';
import { jsonBody, parsedInput } from './request-input.ts';

export type FlatFields = z.infer<typeof subscriptionFormSchema>;

/** A form post's or a JSON body's fields. */
export const flatFieldsOf = (event: APIGatewayProxyEventV2): FlatFields =>
  isFormPost(event)
    ? parsedInput(formFields(event, ['states', 'groups', 'events']), subscriptionFormSchema)
    : jsonBody(event, subscriptionFormSchema);

/** The watch's field names, as the form names them: `channel.email` is the form's `email`. */
const formName = (field: string): string =>
  field
    .replace(/^channel\.email/, 'email')
    .replace(/^channel\.sms/, 'phone')
    .replace(/^channel$/, 'email')
    .replace(/^target\.?/, '')
    .replace(/^$/, 'states');

const renamed = (error: unknown): unknown =>
  error instanceof DomainError && error.kind === 'invalid-input' && error.field !== undefined
    ? invalidInput(formName(error.field), error.message.replace(error.field, formName(error.field)), error.code)
    : error;

const targetOf = ({ all, states, groups }: FlatFields) => ({
  ...(all ? { all } : {}),
  ...(states ? { states } : {}),
  ...(groups ? { groups } : {}),
});

/** The sign-up as a watch's fields; a 400 names the form's field. */
export const signupInputOf = (fields: FlatFields): SignupInput => {
  if (fields.email !== undefined && fields.phone !== undefined)
    throw invalidInput('phone', 'Give an email address or a phone number, not both');
  if (fields.email === undefined && fields.phone === undefined)
    throw invalidInput('email', 'Give an email address or a phone number');
  const channel = fields.email !== undefined ? { email: fields.email } : { sms: fields.phone };
  try {
    return parsedInput({ channel, target: targetOf(fields), events: fields.events ?? [] }, signupSchema);
  } catch (error) {
    throw renamed(error);
  }
};

/** The manage page's change: states or groups, and events. */
export const subscriptionChangeOf = (fields: FlatFields): SubscriptionChange => {
  try {
    return parsedInput({ target: targetOf(fields), events: fields.events ?? [] }, subscriptionChangeSchema);
  } catch (error) {
    throw renamed(error);
  }
};

/**
 * What a form post hears of a refusal: a page, with the status and `Retry-After` the JSON answer
 * would have (the body names the budget). Anything else goes on to the error mapper.
 */
export const refusalAsPage = (error: unknown): TextResult => {
  if (!(error instanceof DomainError)) throw error;
  const { refusal } = error;
  return {
    status: statusByKind[error.kind],
    body: refusalPage(
      error.message,
      refusal ? { name: refusal.budget, retryAfterSeconds: refusal.retryAfterSeconds } : undefined,
    ),
    contentType: 'text/html; charset=utf-8',
    headers: {
      'cache-control': 'no-store',
      ...(refusal ? { 'retry-after': String(refusal.retryAfterSeconds) } : {}),
    },
  };
};
