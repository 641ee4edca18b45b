import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { unsubscribeLinkQuery } from '../../core/api/route-queries.ts';
import { queryParameters } from './request-input.ts';

/** The contact and signature of an unsubscribe link. */
export const unsubscribeLinkOf = (
  event: APIGatewayProxyEventV2,
): { readonly contactId: string; readonly signature: string } => {
  const { c, s } = queryParameters(event, unsubscribeLinkQuery());
  return { contactId: c, signature: s };
};
