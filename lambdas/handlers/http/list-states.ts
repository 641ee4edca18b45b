import * as aws from '../../aws-dependencies.ts';
import { statesQuery } from '../../core/api/route-queries.ts';
import type { CustomGroupStore } from '../../core/ports/stores.ts';
import { listStates } from '../../core/status/state-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /states[?group=africa] — the 193 UN member states, or one group's members. */
export const handlerFor = (deps: { readonly customGroups: CustomGroupStore }) =>
  httpHandler(async (event) => {
    const { group } = queryParameters(event, statesQuery());
    const states = await listStates(group, deps.customGroups);
    return ok({ count: states.length, states });
  });

export const handler = lazyHandler(() => handlerFor({ customGroups: aws.customGroups() }));
