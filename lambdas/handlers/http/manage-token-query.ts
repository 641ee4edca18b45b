import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { queryParameters } from './request-input.ts';

const tokenQuery = {
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,500}\.[A-Za-z0-9_-]{43}$/, 'must be the token of the manage link')),
};

/** `?token=`, as subscriberManageUrl writes it; anything else is a 400 naming the parameter. */
export const manageTokenOf = (event: APIGatewayProxyEventV2): string => queryParameters(event, tokenQuery).token;
