import * as aws from '../../aws-dependencies.ts';
import { noQuery } from '../../core/api/route-queries.ts';
import type { CustomGroupStore } from '../../core/ports/stores.ts';
import { listGroups } from '../../core/reference/group-directory.ts';
import { lazyHandler } from '../lazy-handler.ts';
import { httpHandler, ok } from './http-handler.ts';
import { queryParameters } from './request-input.ts';

/** GET /groups — regions, sub-regions, UN regional groups and admins' groups. */
export const handlerFor = (deps: { readonly customGroups: CustomGroupStore }) =>
  httpHandler(async (event) => {
    queryParameters(event, noQuery());
    const groups = await listGroups(deps.customGroups);
    return ok({ count: groups.length, groups });
  });

export const handler = lazyHandler(() => handlerFor({ customGroups: aws.customGroups() }));
