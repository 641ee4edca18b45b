import * as z from 'zod/mini';
import * as aws from '../../aws-dependencies.ts';
import { type CodeCheckDependencies, verifySmsCode } from '../../core/contacts/verify-sms-code.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

const verifySchema = z.lazy(() =>
  z.strictObject({
    code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code texted to the number')),
  }),
);

/** POST /watches/{id}/verify — `{ "code" }`: the SMS opt-in; the right code activates the number's watches. */
export const handlerFor = (deps: CodeCheckDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const { code } = jsonBody(event, verifySchema);
    return ok(await verifySmsCode(caller, pathParameter(event, 'id'), code, deps));
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.contactAccess(), linkSecret: aws.linkSecret() }));
