import * as z from 'zod/mini';
import { verifySmsCode } from '../../core/contacts/verify-sms-code.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';
import { watchReadDependencies } from './watch-dependencies.ts';

const dependencies = watchReadDependencies();

const verifySchema = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code texted to the number')),
});

/** POST /watches/{id}/verify — `{ "code" }`: the SMS opt-in; the right code activates the number's watches. */
export const handler = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { code } = jsonBody(event, verifySchema);
  return ok(await verifySmsCode(caller, pathParameter(event, 'id'), code, dependencies));
});
