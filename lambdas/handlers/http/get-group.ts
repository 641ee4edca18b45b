import * as aws from '../../aws-dependencies.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import type { CustomGroupStore } from '../../core/ports/stores.ts';
import { describeGroup } from '../../core/reference/group-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { pathParameter, queryParameters } from './request-input.ts';

/** GET /groups/{id} — one group with its member states. */
export const handlerFor = (deps: { readonly customGroups: CustomGroupStore }) =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    return ok(await describeGroup(pathParameter(event, 'id'), deps.customGroups));
  });

export const handler = lazyHandler(() => handlerFor({ customGroups: aws.customGroups() }));
