import * as aws from '../../aws-dependencies.ts';
import { requestWatchConfirmation, type WatchDependencies } from '../../core/watches/watch-commands.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter } from './request-input.ts';

/** POST /watches/{id}/confirmation — a new confirmation link or code, after one expired or the address unsubscribed. */
export const handlerFor = (deps: WatchDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    return ok(await requestWatchConfirmation(caller, pathParameter(event, 'id'), deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.watchCommands()));
