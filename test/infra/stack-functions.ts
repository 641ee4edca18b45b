import { routes } from '../../lambdas/contracts/routes.ts';
import type { BaseFunction } from '../../lib/constructs/base-function.ts';
import type { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';

/** The function that serves the route with this id (in the route functions' nested stack). */
export const routeFunction = (stack: SanctionsWatchStack, id: string): BaseFunction => {
  const fn = stack.routeFunctions.byRoute.get(id);
  if (!fn) throw new Error(`no BaseFunction for route ${id}`);
  return fn;
};

/** The delivery pipeline's functions: the announcer, the planner, the shard workers and the two senders. */
export const pipelineFunctions = (stack: SanctionsWatchStack): BaseFunction[] => [
  stack.delivery.announcer.handler,
  stack.delivery.planner.handler,
  stack.delivery.shardWorkers.handler,
  stack.delivery.emailSender.handler,
  stack.delivery.smsSender.handler,
];

/** Every function of the stack: one per route, the catch-all route's, the seed handler, the migrations, the checker, the stream consumers, the delivery pipeline, the hourly jobs (delivery, sources), SES's feedback, the SMS spend limit and the admins' MFA check. */
export const allFunctions = (stack: SanctionsWatchStack): BaseFunction[] => [
  ...routes.map((route) => routeFunction(stack, route.id)),
  stack.routeFunctions.unrouted,
  stack.seed.handler,
  stack.migrations.runner.handler,
  stack.deadlineCheck.handler,
  stack.changeDetection.handler,
  ...pipelineFunctions(stack),
  stack.scheduledDelivery.handler,
  stack.sourceCheck.job.handler,
  stack.alertEvents.publisher.handler,
  stack.email.feedback,
  stack.smsSpendLimit.handler,
  stack.users.adminMfaCheck,
];

/** The functions that send outside the pipeline, through SES and SNS themselves: the notifying routes. */
export const notifyingFunctions = (stack: SanctionsWatchStack): BaseFunction[] =>
  routes.filter((route) => route.notifies).map((route) => routeFunction(stack, route.id));
