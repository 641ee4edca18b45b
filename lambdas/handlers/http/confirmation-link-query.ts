import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { ConfirmationLink } from '../../core/contacts/confirmation-link.ts';
import { LINK_SIGNATURE } from '../../core/contacts/signed-link.ts';
import { queryParameters } from './request-input.ts';

/** `?c=<contact>&o=<owner>&x=<confirm by>&s=<signature>`, as confirmationUrl writes them; anything else is a 400 naming the parameter. */
const linkQuery = {
  c: z.string().check(z.regex(/^email:.{1,320}$/, 'must be the address named by the confirmation link')),
  o: z.string().check(z.regex(/^[\w.:@-]{1,128}$/, 'must be the owner named by the confirmation link')),
  x: z.iso.datetime({ error: 'must be the instant the confirmation link expires' }),
  s: z.string().check(z.regex(LINK_SIGNATURE, 'must be the signature of the confirmation link')),
};

/** The link's fields and signature. */
export const confirmationLinkOf = (
  event: APIGatewayProxyEventV2,
): { readonly link: ConfirmationLink; readonly signature: string } => {
  const { c, o, x, s } = queryParameters(event, linkQuery);
  return { link: { contact: c, owner: o, confirmBy: x }, signature: s };
};
