/**
 * Who made a request, as the identity provider vouched for them. Handlers take this, never raw
 * token claims, so the core stays unaware of tokens, Cognito and API Gateway.
 */
export interface Caller {
  /** The user pool's stable id for the user; never reassigned, unlike a username or email. */
  readonly sub: string;
  readonly username?: string;
  readonly email?: string;
  readonly groups: readonly string[];
  /** Member of the admins group (contracts/identity.ts): may record reports and figures and edit the catalogue. */
  readonly isAdmin: boolean;
}
