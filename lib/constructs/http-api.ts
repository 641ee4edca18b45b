import { Duration, Lazy, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS } from '../../lambdas/contracts/cors.ts';
import { needsToken, type RouteDefinition } from '../../lambdas/contracts/routes.ts';
import { FunctionIntegration } from './function-integration.ts';

/** Who issues the bearer tokens that the 'user' and 'admin' routes accept. */
export interface TokenIssuer {
  /** The tokens' `iss`, e.g. `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuerUrl: string;
  /**
   * Accepted `aud` values. API Gateway compares `aud`, or `client_id` when a token has no `aud`
   * (Cognito access tokens), so a Cognito app client id admits both its ID and access tokens.
   */
  readonly audience: string[];
}

export interface ServiceHttpApiProps {
  /** Verifies the token on every route whose `auth` is 'user' or 'admin' (the handlers check groups). */
  readonly tokenIssuer: TokenIssuer;
  /** Default-route throttling of the stage. @default { rateLimit: 50, burstLimit: 100 } */
  readonly throttle?: ThrottleSettings;
  /** Origins a browser may call the GET routes from. @default CORS.allowOrigins (every origin) */
  readonly allowOrigins?: string[];
  /** @default RetentionDays.ONE_MONTH */
  readonly accessLogRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

// HTTP API context variables (not the REST API set); JSON so Logs Insights can query fields.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    // Why a token was refused (the 401 body only says "Unauthorized"), and who wrote what.
    authorizerError: '$context.authorizer.error',
    user: '$context.authorizer.claims.sub',
  }),
);

export interface AddRouteOptions {
  /**
   * Throttling of this route alone, in place of the stage's default: a stage RouteSettings entry
   * keyed by the route key. Like the default, it caps all callers of the route together.
   * @default - the stage's default throttling
   */
  readonly throttle?: ThrottleSettings;
}

/**
 * The HTTP API: one explicit `$default` stage (throttled, access-logged), its JWT authorizer, and
 * the routes that `addRoute` and `addCatchAll` make in the scope they are given (the route
 * functions' nested stack): one per route-table entry, a HEAD beside each GET, and `$default`.
 */
export class ServiceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogGroup: LogGroup;
  /** Shared by all token-guarded routes; its AWS::ApiGatewayV2::Authorizer appears with the first such route. */
  readonly authorizer: HttpJwtAuthorizer;
  /** The stage's RouteSettings, by route key (`POST /watches`); the HttpStage L2 has no per-route settings. */
  readonly #routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  readonly #integrations = new Map<IFunction, FunctionIntegration>();

  constructor(scope: Construct, id: string, props: ServiceHttpApiProps) {
    super(scope, id);
    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.tokenIssuer.issuerUrl, {
      jwtAudience: props.tokenIssuer.audience,
    });

    this.api = new HttpApi(this, 'Api', {
      // The implicit default stage cannot be given throttling or access logs.
      createDefaultStage: false,
      // The local server answers from the same constants (local/cors.ts).
      corsPreflight: {
        allowMethods: CORS.allowMethods.map((method) => CorsHttpMethod[method]),
        allowOrigins: props.allowOrigins ?? [...CORS.allowOrigins],
        maxAge: Duration.seconds(CORS.maxAgeSeconds),
      },
    });

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogGroup), format: accessLogFormat },
    });
    const cfnStage = this.stage.node.defaultChild;
    if (!(cfnStage instanceof CfnStage)) {
      throw new Error(`${this.stage.node.path}: expected a CfnStage as default child`);
    }
    cfnStage.routeSettings = Lazy.any({
      produce: () => (Object.keys(this.#routeSettings).length > 0 ? this.#routeSettings : undefined),
    });
  }

  /** One integration, and so one invoke permission per path, for each function however many routes reach it. */
  #integrationOf(handler: IFunction): FunctionIntegration {
    const existing = this.#integrations.get(handler);
    if (existing) return existing;
    const integration = new FunctionIntegration('Integration', handler);
    this.#integrations.set(handler, integration);
    return integration;
  }

  /** Invoke URL of the `$default` stage. */
  get url(): string {
    return this.stage.url;
  }

  /**
   * Routes `route.method route.path` to `handler`, public or behind the JWT authorizer as the route
   * table says. 'user' and 'admin' get the same authorizer: API Gateway only proves the token is
   * valid, the handler of an 'admin' route checks for the `admins` group. The route is made in
   * `scope` (the route functions' nested stack), which takes the API's id from this stack.
   */
  addRoute(scope: Construct, route: RouteDefinition, handler: IFunction, options: AddRouteOptions = {}): void {
    const isPublic = !needsToken(route);
    // A GET route has a HEAD twin (RFC 9110 §9.1: a server that takes GET takes HEAD): the same
    // function, integration, permission and authorizer; the function leaves the body out.
    const methods = route.method === 'GET' ? [HttpMethod.GET, HttpMethod.HEAD] : [HttpMethod[route.method]];
    const [httpRoute, ...twins] = methods.map(
      (method) =>
        new HttpRoute(scope, `${method}${route.path}`, {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(route.path, method),
          integration: this.#integrationOf(handler),
          // Explicit "none" so a future API-wide default authorizer cannot silently apply to public routes.
          authorizer: isPublic ? new HttpNoneAuthorizer() : this.authorizer,
        }),
    );
    if (!httpRoute) throw new Error(`${route.id}: no route made for ${route.method} ${route.path}`);
    if (options.throttle) {
      const { rateLimit, burstLimit } = options.throttle;
      if (rateLimit === undefined || burstLimit === undefined) {
        throw new Error(`${route.id}: a route throttle needs both rateLimit and burstLimit`);
      }
      this.#routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: rateLimit,
        ThrottlingBurstLimit: burstLimit,
      };
      // API Gateway refuses RouteSettings that name a route it does not have yet ("Unable to find
      // Route by key"), so the stage waits for the route on the first deploy (for a route in a nested
      // stack: for that whole stack).
      this.stage.node.addDependency(httpRoute);
    }
    if (isPublic) {
      for (const publicRoute of [httpRoute, ...twins])
        Validations.of(publicRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.auth === 'key'
              ? "Token-less by design: feed readers and mail clients cannot send a token, so the secret in the query string (a watch's feed key, an unsubscribe link's signature) is the credential, checked by the handler in constant time."
              : 'Public route: read-only public reference data about UN member states, no personal data.',
        });
    }
  }

  /**
   * The `$default` route: every request no route takes goes to `handler`, which answers 405 with
   * `Allow` for a path the API has and 404 for any other (API Gateway alone would answer 404 to both).
   */
  addCatchAll(scope: Construct, handler: IFunction): void {
    const catchAll = new HttpRoute(scope, 'CatchAll', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: this.#integrationOf(handler),
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(catchAll).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Public by design: it reads nothing and says only which methods a path takes.',
    });
  }
}
