import { Duration, NestedStack, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { PUBLIC_API_URL_ENV } from '../../lambdas/contracts/environment.ts';
import { type RouteDefinition, routes } from '../../lambdas/contracts/routes.ts';
import { unroutedEntry } from '../../lambdas/contracts/scheduled-entries.ts';
import { BaseFunction, logRetentionContext } from './base-function.ts';
import type { DataTable } from './data-table.ts';
import type { EmailChannel } from './email-channel.ts';
import type { ServiceHttpApi } from './http-api.ts';
import type { Notifications } from './notifications.ts';

export interface RouteFunctionsProps {
  readonly api: ServiceHttpApi;
  readonly table: DataTable;
  readonly notifications: Notifications;
  readonly email: EmailChannel;
  /** Told to the functions of the routes `needsPublicApiUrl` picks. */
  readonly publicApiUrl: string;
  /** What the route functions' shared log group does when it leaves the stack. */
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * Each call of a notifying route can send an email or a text (a confirmation, a code, a test), which
 * costs money and lands in someone's inbox, so these routes get far less than the stage's default
 * (50/s, burst 100). HTTP API throttles a route for all callers together, not per caller: this caps
 * what the whole API can make SES and SNS send; the per-contact daily caps (lambdas/adapters/delivery-settings.ts)
 * bound what any one address receives.
 */
export const notifyingRouteThrottle = { rateLimit: 2, burstLimit: 10 } as const satisfies ThrottleSettings;

/** Routes whose functions link to where watches are managed (PUBLIC_API_URL_ENV) in what they send or return. */
export const needsPublicApiUrl = (route: RouteDefinition): boolean =>
  route.path === '/watches' || route.path.startsWith('/watches/') || route.path === '/subscriptions';

/** Paths whose functions check a signed link or token (unsubscribe, confirm, manage) or an SMS code's keyed hash (the two verifies). */
const linkCheckingPaths: ReadonlySet<string> = new Set([
  '/unsubscribe',
  '/confirm',
  '/manage',
  '/watches/{id}/verify',
  '/subscriptions/verify',
]);

/** Routes whose functions sign links (the messages they send) or check them, so read the signing secret. */
export const needsLinkSecret = (route: RouteDefinition): boolean => route.notifies || linkCheckingPaths.has(route.path);

const synchronousInvocation = {
  id: 'Serverless-LambdaDLQ',
  reason:
    'Invoked synchronously by API Gateway, which returns the error to the caller; there is no async event to dead-letter.',
};

/**
 * The API's functions, one per route-table entry plus the `$default` catch-all's, with their roles,
 * routes, integrations and invoke permissions: a nested stack of their own, because together they
 * are most of what the root stack held, and CloudFormation allows 500 resources a template.
 * The HttpApi, its authorizer and its stage stay in the root stack: the routes need only the API's
 * id and the authorizer's inputs from it, while the root stack's alarms, outputs and other
 * functions need the API (its id, URL and metrics); moving it here would send all of those back
 * out as outputs.
 */
export class RouteFunctions extends NestedStack {
  /** The function of each route, by route id. */
  readonly byRoute: ReadonlyMap<string, BaseFunction>;
  /** The `$default` route's function: 405 with `Allow`, or 404. */
  readonly unrouted: BaseFunction;
  /** One log group for all of them (every line names its function), not one resource per function. */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RouteFunctionsProps) {
    super(scope, id, { description: 'sanctions-watch: the HTTP API route functions and their routes' });
    this.logGroup = new LogGroup(this, 'RouteLogs', {
      retention: logRetentionContext(this),
      removalPolicy: props.logRemovalPolicy,
    });
    const byRoute = new Map<string, BaseFunction>();
    for (const route of routes) {
      const fn = new BaseFunction(this, route.id, {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
        sharedLogGroup: this.logGroup,
        ...(route.sizing
          ? { memorySize: route.sizing.memorySize, timeout: Duration.seconds(route.sizing.timeoutSeconds) }
          : {}),
        ...(needsLinkSecret(route) ? { paramsAndSecrets: props.email.secretsExtension } : {}),
      });
      fn.bindTable(props.table, route.tableAccess);
      if (route.notifies) props.notifications.grantNotify(fn);
      else if (needsLinkSecret(route)) props.email.grantUnsubscribeSecret(fn);
      if (needsPublicApiUrl(route)) fn.function.addEnvironment(PUBLIC_API_URL_ENV, props.publicApiUrl);
      props.api.addRoute(this, route, fn.function, route.notifies ? { throttle: notifyingRouteThrottle } : {});
      Validations.of(fn.function).acknowledge(synchronousInvocation);
      byRoute.set(route.id, fn);
    }
    this.byRoute = byRoute;

    this.unrouted = new BaseFunction(this, 'unrouted', {
      entry: unroutedEntry,
      description: 'Requests no route takes: 405 with Allow, or 404',
      sharedLogGroup: this.logGroup,
    });
    props.api.addCatchAll(this, this.unrouted.function);
    Validations.of(this.unrouted.function).acknowledge(synchronousInvocation);
  }
}
