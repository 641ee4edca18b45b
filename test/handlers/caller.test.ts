import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../lambdas/core/errors.ts';
import { callerOf, requireAdmin } from '../../lambdas/handlers/http/caller.ts';

const requestContext: APIGatewayProxyEventV2['requestContext'] = {
  accountId: '000000000000',
  apiId: 'test',
  domainName: 'localhost',
  domainPrefix: 'test',
  http: {
    method: 'POST',
    path: '/states/RU/reports',
    protocol: 'HTTP/1.1',
    sourceIp: '127.0.0.1',
    userAgent: 'vitest',
  },
  requestId: 'request-1',
  routeKey: 'POST /states/{code}/reports',
  stage: '$default',
  time: '27/Nov/2026:12:00:00 +0000',
  timeEpoch: 0,
};

const publicEvent: APIGatewayProxyEventV2 = {
  version: '2.0',
  routeKey: requestContext.routeKey,
  rawPath: requestContext.http.path,
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  requestContext,
};

const withClaims = (claims: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']['jwt']['claims']) =>
  ({
    ...publicEvent,
    requestContext: { ...requestContext, authorizer: { jwt: { claims, scopes: null } } },
  }) satisfies APIGatewayProxyEventV2WithJWTAuthorizer;

const sub = '945dc544-efba-5ae4-8591-625bef75472e';

/** The DomainError a call throws, so tests can assert its kind and message together. */
const domainErrorOf = (call: () => unknown): DomainError => {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
};

describe('callerOf', () => {
  it('reads an access token\'s claims as API Gateway passes them, groups flattened to "[a b]"', () => {
    const event = withClaims({
      sub,
      username: 'alice',
      'cognito:groups': '[editors admins]',
      iat: '1795801463',
      token_use: 'access',
    });

    expect(callerOf(event)).toEqual({ sub, username: 'alice', groups: ['editors', 'admins'], isAdmin: true });
  });

  it.each([
    ['a real array', ['admins', 'editors'], ['admins', 'editors']],
    ['a flattened single group', '[admins]', ['admins']],
    ['a plain single group', 'admins', ['admins']],
    ['a flattened empty list', '[]', []],
    ['an empty string', '', []],
    ['extra whitespace', '  [ editors   admins ] ', ['editors', 'admins']],
  ])('accepts cognito:groups as %s', (_shape, groups, expected) => {
    const caller = callerOf(withClaims({ sub, 'cognito:groups': groups }));

    expect(caller.groups).toEqual(expected);
    expect(caller.isAdmin).toBe(expected.includes('admins'));
  });

  it('gives no groups when the claim is absent or malformed, rather than refusing the caller', () => {
    expect(callerOf(withClaims({ sub }))).toEqual({ sub, groups: [], isAdmin: false });
    expect(callerOf(withClaims({ sub, 'cognito:groups': 42 }))).toMatchObject({ groups: [], isAdmin: false });
  });

  it('does not mistake a group that merely contains "admins" for the admins group', () => {
    expect(callerOf(withClaims({ sub, 'cognito:groups': '[not-admins admins-readonly]' })).isAdmin).toBe(false);
  });

  it("takes an ID token's cognito:username and email, and prefers username when both are present", () => {
    expect(callerOf(withClaims({ sub, 'cognito:username': 'bob', email: 'bob@example.org' }))).toEqual({
      sub,
      username: 'bob',
      email: 'bob@example.org',
      groups: [],
      isAdmin: false,
    });
    expect(callerOf(withClaims({ sub, username: 'alice', 'cognito:username': 'bob' })).username).toBe('alice');
  });

  it('treats malformed optional claims as absent', () => {
    expect(callerOf(withClaims({ sub, username: '', email: true }))).toEqual({ sub, groups: [], isAdmin: false });
  });

  it('refuses an event with no authorizer claims as unauthenticated', () => {
    const error = domainErrorOf(() => callerOf(publicEvent));

    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toMatch(/bearer token/);
  });

  it.each([
    ['missing', {}],
    ['blank', { sub: '  ' }],
    ['not a string', { sub: 7 }],
  ])('refuses claims whose sub is %s as unauthenticated', (_case, claims) => {
    const error = domainErrorOf(() => callerOf(withClaims({ username: 'alice', ...claims })));

    expect(error.kind).toBe('unauthenticated');
    expect(error.message).toMatch(/"sub"/);
  });
});

describe('requireAdmin', () => {
  it('returns an admin caller', () => {
    expect(requireAdmin(withClaims({ sub, username: 'alice', 'cognito:groups': '[admins]' }))).toMatchObject({
      username: 'alice',
      isAdmin: true,
    });
  });

  it('refuses a signed-in non-admin as forbidden, naming the group needed', () => {
    const error = domainErrorOf(() =>
      requireAdmin(withClaims({ sub, username: 'bob', 'cognito:groups': '[editors]' })),
    );

    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('This route needs an admin (a member of the admins group); bob is not one');
  });

  it('refuses a caller with no claims as unauthenticated, not forbidden', () => {
    expect(domainErrorOf(() => requireAdmin(publicEvent)).kind).toBe('unauthenticated');
  });
});
