import * as aws from '../../aws-dependencies.ts';
import type { ForgetAddressDependencies } from '../../core/contacts/forget-address.ts';
import { eraseOwner } from '../../core/identity/erase-owner.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, noContent } from './http-handler.ts';

/** DELETE /me — erases everything kept of the caller (their watches and the addresses only they used); 204, however often. */
export const handlerFor = (deps: ForgetAddressDependencies) =>
  httpHandler(async (event) => {
    await eraseOwner(callerOf(event), deps);
    return noContent();
  });

export const handler = lazyHandler(() => handlerFor(aws.addressForgetting()));
