import * as aws from '../../aws-dependencies.ts';
import type { ForgetAddressDependencies } from '../../core/contacts/forget-address.ts';
import { deleteWatch } from '../../core/watches/delete-watch.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, noContent } from './http-handler.ts';
import { pathParameter } from './request-input.ts';

/** DELETE /watches/{id} — removes one of the caller's watches, and its address once no watch uses it. */
export const handlerFor = (deps: ForgetAddressDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    await deleteWatch(caller, pathParameter(event, 'id'), deps);
    return noContent();
  });

export const handler = lazyHandler(() => handlerFor(aws.addressForgetting()));
