import * as aws from '../../aws-dependencies.ts';
import { stateBoardQuery } from '../../core/api/route-queries.ts';
import { renderStateBoardPage, stateBoardPage } from '../../core/board/state-board-page.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { StandingDependencies } from '../../core/status/standing-data.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, okText } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** Public data that changes when a report is recorded, as the board: five minutes in caches. */
const CACHE_CONTROL = 'public, max-age=300';

/** GET /board/states/{code}?asOf=&regime= — a state's reporting record: every duty it owes, with status, due date, days overdue and sources. */
export const handlerFor = (deps: StandingDependencies & { readonly clock: Clock }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, stateBoardQuery());
    const page = await stateBoardPage(pathParameter(event, 'code'), query, deps);
    return okText(renderStateBoardPage(page), 'text/html; charset=utf-8', { 'cache-control': CACHE_CONTROL });
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
