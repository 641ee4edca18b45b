import * as aws from '../../aws-dependencies.ts';
import { type RecordTriggerDependencies, recordTrigger } from '../../core/obligations/record-trigger.ts';
import { triggerInputSchema } from '../../core/obligations/trigger-schema.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { requireAdmin } from './caller.ts';
import { created, httpHandler } from './http-handler.ts';
import { jsonBody, pathParameter } from './request-input.ts';

/** POST /states/{code}/triggers (admin) — a conditional duty's event happened to the state: it owes the duty from then. */
export const handlerFor = (deps: RecordTriggerDependencies) =>
  httpHandler(async (event) => {
    requireAdmin(event);
    return created(await recordTrigger(pathParameter(event, 'code'), jsonBody(event, triggerInputSchema), deps));
  });

export const handler = lazyHandler(() => handlerFor(aws.standing()));
