import * as aws from '../../aws-dependencies.ts';
import { obligationHistoryQuery } from '../../core/api/route-queries.ts';
import { reportingHistoryOf } from '../../core/status/reporting-history-query.ts';
import type { StandingDependencies } from '../../core/status/standing-data.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /obligations/{id}/history?from=&to=[&group=] — day by day, how many states had reported and how many were overdue. */
export const handlerFor = (deps: StandingDependencies) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, obligationHistoryQuery());
    return ok(await reportingHistoryOf(pathParameter(event, 'id'), query, deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
