import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { manageTokenQuery } from '../../core/api/route-queries.ts';
import { queryParameters } from './request-input.ts';

/** `?token=`, as subscriberManageUrl writes it; anything else is a 400 naming the parameter. */
export const manageTokenOf = (event: APIGatewayProxyEventV2): string =>
  queryParameters(event, manageTokenQuery()).token;
