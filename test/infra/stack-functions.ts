import { routes } from '../../lambdas/contracts/routes.ts';
import { BaseFunction } from '../../lib/constructs/base-function.ts';
import type { SanctionsWatchStack } from '../../lib/sanctions-watch-stack.ts';

/** The function that serves the route with this id. */
export const routeFunction = (stack: SanctionsWatchStack, id: string): BaseFunction => {
  const child = stack.node.findChild(id);
  if (!(child instanceof BaseFunction)) throw new Error(`no BaseFunction for route ${id}`);
  return child;
};

/** Every function of the stack: one per route, the seed handler, the checker, the three stream consumers, the hourly job and SES's feedback. */
export const allFunctions = (stack: SanctionsWatchStack): BaseFunction[] => [
  ...routes.map((route) => routeFunction(stack, route.id)),
  stack.seed.handler,
  stack.deadlineCheck.handler,
  stack.changeDetection.handler,
  stack.alertDispatch.handler,
  stack.scheduledDelivery.handler,
  stack.alertEvents.publisher.handler,
  stack.email.feedback,
];

/** The functions that send email or SMS: the notifying routes, the dispatcher and the hourly job. */
export const notifyingFunctions = (stack: SanctionsWatchStack): BaseFunction[] => [
  ...routes.filter((route) => route.notifies).map((route) => routeFunction(stack, route.id)),
  stack.alertDispatch.handler,
  stack.scheduledDelivery.handler,
];
