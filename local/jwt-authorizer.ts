import type { APIGatewayEventRequestContextJWTAuthorizer } from 'aws-lambda';
import type { LocalIdentity } from './local-identity.ts';

/**
 * What API Gateway's JWT authorizer does with a request to a protected route: reads the token
 * from the Authorization header (with or without the `Bearer ` prefix, as API Gateway accepts
 * both), verifies it, and yields the `requestContext.authorizer` the function receives.
 * Undefined means API Gateway would answer 401 itself. Without an identity nothing verifies, as
 * with an authorizer that trusts no issuer.
 */
export const jwtAuthorizer = async (
  identity: LocalIdentity | undefined,
  authorization: string | undefined,
): Promise<APIGatewayEventRequestContextJWTAuthorizer | undefined> => {
  const token = authorization?.trim().replace(/^Bearer\s+/i, '');
  if (!identity || !token) return undefined;
  try {
    // Scopes are only filled in for routes that demand authorization scopes; ours demand none.
    return { jwt: { claims: await identity.verify(token), scopes: null } };
  } catch {
    // Forged, edited, expired or foreign: API Gateway answers them all alike and tells no one why.
    return undefined;
  }
};

/** API Gateway's own answer to a missing or invalid token; the function never runs. */
export const UNAUTHORIZED_BODY = JSON.stringify({ message: 'Unauthorized' });

/** The challenge API Gateway's JWT authorizer sends with its 401 (it adds why the token was refused). */
export const UNAUTHORIZED_CHALLENGE = 'Bearer';
