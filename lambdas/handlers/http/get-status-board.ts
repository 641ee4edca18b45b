import * as aws from '../../aws-dependencies.ts';
import { statusQuery } from '../../core/api/route-queries.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { StandingDependencies } from '../../core/status/standing-data.ts';
import { statusBoard } from '../../core/status/status-board-query.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /status?asOf=YYYY-MM-DD[&obligation=][&group=] — the board: counts by status and the overdue states per obligation. */
export const handlerFor = (deps: StandingDependencies & { readonly clock: Clock }) =>
  httpHandler(async (event) => {
    const query = queryParameters(event, statusQuery());
    return ok(await statusBoard(query, deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
