import * as aws from '../../aws-dependencies.ts';
import { stateQuery } from '../../core/api/route-queries.ts';
import { describeState, type StateProfileDependencies } from '../../core/status/state-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /states/{code}[?asOf=YYYY-MM-DD] — a state, its groups, its standing on each obligation, its latest figures. */
export const handlerFor = (deps: StateProfileDependencies) =>
  httpHandler(async (event) => {
    const { asOf } = queryParameters(event, stateQuery());
    return ok(await describeState(pathParameter(event, 'code'), asOf, deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
