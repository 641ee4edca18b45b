import { sendTestMessage } from '../../core/delivery/send-test-message.ts';
import { deliveryDependencies } from '../delivery-dependencies.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter } from './request-input.ts';

const dependencies = deliveryDependencies();

/** POST /watches/{id}/test — sends one test message to the watch's confirmed address and says how it went. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  return ok(await sendTestMessage(caller, pathParameter(event, 'id'), dependencies));
});
