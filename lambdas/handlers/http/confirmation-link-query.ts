import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { confirmationLinkQuery } from '../../core/api/route-queries.ts';
import type { ConfirmationLink } from '../../core/contacts/confirmation-link.ts';
import { queryParameters } from './request-input.ts';

/** The link's fields and signature. */
export const confirmationLinkOf = (
  event: APIGatewayProxyEventV2,
): { readonly link: ConfirmationLink; readonly signature: string } => {
  const { c, o, x, s } = queryParameters(event, confirmationLinkQuery());
  return { link: { contact: c, owner: o, confirmBy: x }, signature: s };
};
