import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { UNSUBSCRIBE_SIGNATURE } from '../../core/contacts/unsubscribe-link.ts';
import { queryParameters } from './request-input.ts';

/** `?c=<contact>&s=<signature>`, as unsubscribeUrl writes them; anything else is a 400 naming the parameter. */
const linkQuery = {
  c: z.string().check(z.regex(/^(email|sms):.{1,320}$/, 'must be the contact named by the unsubscribe link')),
  s: z.string().check(z.regex(UNSUBSCRIBE_SIGNATURE, 'must be the signature of the unsubscribe link')),
};

/** The contact and signature of an unsubscribe link. */
export const unsubscribeLinkOf = (
  event: APIGatewayProxyEventV2,
): { readonly contactId: string; readonly signature: string } => {
  const { c, s } = queryParameters(event, linkQuery);
  return { contactId: c, signature: s };
};
