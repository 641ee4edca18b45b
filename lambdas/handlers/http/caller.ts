import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from 'zod/mini';
import '../../core/validation/zod-messages.ts';
import { ADMIN_GROUP } from '../../contracts/identity.ts';
import { forbidden, unauthenticated } from '../../core/errors.ts';
import { type Caller } from '../../core/identity/caller.ts';

type AnyHttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer | APIGatewayProxyEventV2;

/**
 * `cognito:groups` as it may arrive: a real array (a test, or a direct invocation), API Gateway's
 * flattened `"[admins editors]"`, or a bare `"admins"`. Cognito group names cannot contain
 * whitespace, so splitting the flattened form on whitespace loses nothing.
 */
const groupsClaim = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z.union([z.array(z.string()), z.string()]),
    z.transform((raw) => {
      const names =
        typeof raw === 'string'
          ? raw
              .trim()
              .replace(/^\[(.*)\]$/s, '$1')
              .split(/\s+/)
          : raw;
      return names.map((name) => name.trim()).filter((name) => name !== '');
    }),
  ),
);

/**
 * An optional claim: absent stays absent; present, `schema`'s value, or `fallback` where it does
 * not fit. What `z.catch(z.optional(schema), fallback)` does, written out because zod/mini's
 * `catch` names zod's whole `util` namespace, which then reached every route's bundle (8.9 KB of
 * zod; docs/cold-start.md, decision 15).
 */
const optionalOrElse = <T>(schema: z.ZodMiniType<T>, fallback: T) =>
  z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw): T => {
        const parsed = schema.safeParse(raw);
        return parsed.success ? parsed.data : fallback;
      }),
    ),
  );

/** An optional text claim; a malformed one is treated as absent rather than failing the request. */
const optionalText = /* @__PURE__ */ z.lazy(() =>
  optionalOrElse<string | undefined>(z.string().check(z.trim(), z.minLength(1)), undefined),
);

const claimsSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    sub: z.string().check(z.trim(), z.minLength(1)),
    // Access tokens name the user `username`; ID tokens `cognito:username`.
    username: optionalText,
    'cognito:username': optionalText,
    email: optionalText,
    // A malformed groups claim grants nothing: the safe reading for an authorization input.
    'cognito:groups': optionalOrElse(groupsClaim, []),
  }),
);

const authorizerSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ jwt: z.object({ claims: z.record(z.string(), z.unknown()) }) }),
);

/**
 * The caller whose token API Gateway's JWT authorizer verified. A route without an authorizer
 * has no claims, so calling this there is a wiring fault and answers 401 rather than guessing.
 */
export const callerOf = (event: AnyHttpEvent): Caller => {
  const authorizer = authorizerSchema.safeParse(
    'authorizer' in event.requestContext ? event.requestContext.authorizer : undefined,
  );
  if (!authorizer.success)
    throw unauthenticated('This route needs a signed-in caller: send a bearer token in the Authorization header');
  const claims = claimsSchema.safeParse(authorizer.data.jwt.claims);
  if (!claims.success) throw unauthenticated('The token does not name its subject (no "sub" claim)');
  const { sub, email } = claims.data;
  const username = claims.data.username ?? claims.data['cognito:username'];
  const groups = claims.data['cognito:groups'] ?? [];
  return {
    sub,
    ...(username === undefined ? {} : { username }),
    ...(email === undefined ? {} : { email }),
    groups,
    isAdmin: groups.includes(ADMIN_GROUP),
  };
};

/** The caller, if they are an admin; the authorizer only proves who they are, not what they may do. */
export const requireAdmin = (event: AnyHttpEvent): Caller => {
  const caller = callerOf(event);
  if (!caller.isAdmin) {
    throw forbidden(
      `This route needs an admin (a member of the ${ADMIN_GROUP} group); ${caller.username ?? caller.sub} is not one`,
    );
  }
  return caller;
};
