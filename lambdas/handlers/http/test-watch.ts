import * as aws from '../../aws-dependencies.ts';
import type { DeliveryDependencies } from '../../core/delivery/deliver.ts';
import { sendTestMessage } from '../../core/delivery/send-test-message.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter } from './request-input.ts';

/** POST /watches/{id}/test — sends one test message to the watch's confirmed address and says how it went. */
export const handlerFor = (deps: DeliveryDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    return ok(await sendTestMessage(caller, pathParameter(event, 'id'), deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.delivery()));
