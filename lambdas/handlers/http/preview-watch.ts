import * as aws from '../../aws-dependencies.ts';
import { previewQuery } from '../../core/api/route-queries.ts';
import { type PreviewDependencies, previewWatch } from '../../core/delivery/preview-watch.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /watches/{id}/preview?asOf= — what the watch would be told as of a date or instant (now by default); sends nothing. */
export const handlerFor = (deps: PreviewDependencies & { readonly clock: Clock }) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const { asOf } = queryParameters(event, previewQuery());
    return ok(await previewWatch(caller, pathParameter(event, 'id'), asOf ?? deps.clock.now(), deps));
  });

export const handler = lazyHandler(() =>
  handlerFor({
    ...aws.standing(),
    watches: aws.watches(),
    alertEvents: aws.alertEvents(),
    manageUrl: aws.manageUrl(),
  }),
);
