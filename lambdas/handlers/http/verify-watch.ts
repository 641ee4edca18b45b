import * as aws from '../../aws-dependencies.ts';
import { smsCodeBodySchema } from '../../core/api/route-bodies.ts';
import { type CodeCheckDependencies, verifySmsCode } from '../../core/contacts/verify-sms-code.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { callerOf } from './caller.ts';
import { httpHandler, ok } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/** POST /watches/{id}/verify — `{ "code" }`: the SMS opt-in; the right code activates the number's watches. */
export const handlerFor = (deps: CodeCheckDependencies) =>
  httpHandler(async (event) => {
    const caller = callerOf(event);
    const { code } = jsonBody(event, smsCodeBodySchema);
    return ok(await verifySmsCode(caller, pathParameter(event, 'id'), code, deps));
  });

export const handler = lazyHandler(() => handlerFor({ ...aws.contactAccess(), linkSecret: aws.linkSecret() }));
