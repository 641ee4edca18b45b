import type { RequestCounter } from '../../adapters/dynamodb/request-counter.ts';
import * as aws from '../../aws-dependencies.ts';
import { checkRunBodySchema } from '../../core/api/route-bodies.ts';
import { type DeadlineCheckDependencies, runDeadlineCheck } from '../../core/checks/run-deadline-check.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody } from './request-input.ts';

/** POST /checks (admin) `{ at? }` — runs the deadline check as of `at` (default now) and returns the events it emitted. */
export const handlerFor = (
  deps: DeadlineCheckDependencies & { readonly clock: Clock; readonly requests: Pick<RequestCounter, 'total'> },
) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    const { at } = jsonBody(event, checkRunBodySchema, { optional: true });
    const requestsBefore = deps.requests.total();
    const outcome = await runDeadlineCheck(at === undefined ? deps.clock.now() : new Date(at), deps);
    return ok({
      ...outcome,
      count: outcome.emitted.length,
      dynamoDbRequests: deps.requests.total() - requestsBefore,
    });
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.deadlineCheck(), requests: aws.requests() }));
